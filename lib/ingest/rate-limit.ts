// In-memory token buckets for the public HTTPS endpoint (RPT-DELIV-11: rate-limit it).
// One bucket per source plus one shared bucket, so a client that varies its apparent
// source (a forged X-Forwarded-For when no proxy is trusted) is still capped overall.

export interface BucketConfig {
  /** Requests allowed at once. */
  burst: number;
  /** Tokens added per second. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly global: Bucket;

  constructor(
    private readonly perSource: BucketConfig,
    private readonly overall: BucketConfig,
    private readonly now: () => number = Date.now,
    private readonly maxSources = 10_000,
  ) {
    this.global = { tokens: overall.burst, at: now() };
  }

  /** true when the request may proceed (a token was taken from both buckets). */
  take(source: string): boolean {
    const t = this.now();
    let b = this.buckets.get(source);
    if (!b) {
      if (this.buckets.size >= this.maxSources) this.evict(t);
      b = { tokens: this.perSource.burst, at: t };
      this.buckets.set(source, b);
    }
    refill(b, this.perSource, t);
    refill(this.global, this.overall, t);
    if (b.tokens < 1 || this.global.tokens < 1) return false;
    b.tokens -= 1;
    this.global.tokens -= 1;
    return true;
  }

  /** Seconds until the source has a token again (for Retry-After). */
  retryAfter(source: string): number {
    const b = this.buckets.get(source);
    const need = Math.max(1 - (b?.tokens ?? 1), 1 - this.global.tokens, 0);
    const rate = Math.min(this.perSource.perSecond, this.overall.perSecond);
    return Math.max(1, Math.ceil(need / rate));
  }

  /** Drops full buckets (sources that have been quiet), then the oldest if still full. */
  private evict(t: number): void {
    for (const [k, b] of this.buckets) {
      refill(b, this.perSource, t);
      if (b.tokens >= this.perSource.burst) this.buckets.delete(k);
    }
    if (this.buckets.size >= this.maxSources) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
  }
}

function refill(b: Bucket, c: BucketConfig, t: number): void {
  if (t <= b.at) return;
  b.tokens = Math.min(c.burst, b.tokens + ((t - b.at) / 1000) * c.perSecond);
  b.at = t;
}

const envNumber = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** Defaults: 60 reports at once and one a second per source; 50 a second overall.
 * STS_RATE_BURST and STS_RATE_PER_SECOND change the per-source bucket. */
export function limiterFromEnv(): RateLimiter {
  return new RateLimiter(
    { burst: envNumber("STS_RATE_BURST", 60), perSecond: envNumber("STS_RATE_PER_SECOND", 1) },
    { burst: 500, perSecond: 50 },
  );
}
