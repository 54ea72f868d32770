import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter } from "@/lib/db/limits/limiter";
import { logger } from "@/lib/log";
import { clientAddress, sourceKey, UNKNOWN_SOURCE, type AddressTrust } from "./client-address";
import { guarded } from "./handler";
import { InFlightCap } from "./in-flight";
import { peerAddress } from "./peer-address";

// The one wrapper for the public endpoints (report POST, policy serving, Caddy's tls-ask):
// who is asking, the per-source and overall rate limits (429 + Retry-After), then the cap
// on requests in flight per source (429) and overall (503 + Retry-After), all before the
// handler reads the body.
// A source over its rate never holds a slot, so slots go to requests that will be served.

export interface RateWindow {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

export interface PublicEndpointConfig {
  /** Names the limiter buckets (and, on PostgreSQL, their tables): a-z, 0-9, _. */
  name: string;
  perSource: RateWindow;
  /** A cap over all sources together (optional). */
  overall?: RateWindow;
  /** Requests handled at once in this process; beyond it 503. */
  maxInFlight: number;
  /** Requests handled at once for one source in this process; beyond it 429 (optional).
   * Without it one client's slow uploads could hold every slot (issue 11). */
  maxInFlightPerSource?: number;
  /** Retry-After (seconds) sent with the 503. */
  busyRetryAfter: number;
  trust: AddressTrust;
  /** The socket peer; the process-wide stamp by default (see peer-address.ts). */
  peerOf?: (req: Request) => string | null;
}

/** The handler behind the wrapper gets the client address it was limited as. */
export type PublicHandler = (req: Request, source: string) => Promise<Response>;

interface Limiters {
  perSource: RateLimiterAbstract;
  overall: RateLimiterAbstract | null;
}

/**
 * Wraps a public handler. The config is read at the first request (a thunk, so a bad
 * setting is logged there, not thrown while Next loads the route module).
 */
export function publicEndpoint(
  config: PublicEndpointConfig | (() => PublicEndpointConfig),
  handler: PublicHandler,
) {
  let state:
    { cfg: PublicEndpointConfig; slots: InFlightCap; perSource: Map<string, number> } | undefined;
  let limiters: Promise<Limiters> | undefined;
  const load = (cfg: PublicEndpointConfig) => {
    limiters ??= buildLimiters(cfg).catch((e: unknown) => {
      limiters = undefined; // a PostgreSQL hiccup at start is retried on the next request
      throw e;
    });
    return limiters;
  };
  let warned = false;

  return (req: Request): Promise<Response> =>
    guarded(async () => {
      if (!state) {
        const cfg = typeof config === "function" ? config() : config;
        state = { cfg, slots: new InFlightCap(cfg.maxInFlight), perSource: new Map() };
      }
      const { cfg, slots, perSource } = state;
      const peer = (cfg.peerOf ?? peerAddress)(req);
      const source = clientAddress(peer, req.headers.get("x-forwarded-for"), cfg.trust);
      if (source === UNKNOWN_SOURCE && peer === null && !warned) {
        warned = true;
        logger.warn(
          { endpoint: cfg.name },
          "no socket address for public requests (peer stamp not installed): all share one rate limit",
        );
      }
      const wait = await overLimit(await load(cfg), sourceKey(source));
      if (wait !== null) {
        return plain(429, `rate limited: try again in ${wait} s`, wait);
      }
      const mine = perSource.get(source) ?? 0;
      // Without a socket address (stamp not installed) everyone is one source: not capped.
      const cap = peer === null ? undefined : cfg.maxInFlightPerSource;
      if (cap !== undefined && mine >= cap) {
        const s = cfg.busyRetryAfter;
        const line = `busy: too many requests from this address in progress, try again in ${s} s`;
        return plain(429, line, s);
      }
      if (!slots.tryEnter()) {
        const s = cfg.busyRetryAfter;
        return plain(503, `busy: too many requests in progress, try again in ${s} s`, s);
      }
      perSource.set(source, mine + 1);
      try {
        return await handler(req, source);
      } finally {
        slots.leave();
        const left = (perSource.get(source) ?? 1) - 1;
        if (left > 0) perSource.set(source, left);
        else perSource.delete(source);
      }
    });
}

async function buildLimiters(cfg: PublicEndpointConfig): Promise<Limiters> {
  const make = (suffix: string, w: RateWindow) =>
    createLimiter({ keyPrefix: `${cfg.name}_${suffix}`, ...w, memoryBlockWhenOver: true });
  const [perSource, overall] = await Promise.all([
    make("src", cfg.perSource),
    cfg.overall ? make("all", cfg.overall) : Promise.resolve(null),
  ]);
  return { perSource, overall };
}

/** Seconds to wait when the source or everyone together is over the limit, else null. */
async function overLimit(l: Limiters, key: string): Promise<number | null> {
  try {
    await l.perSource.consume(key);
    if (l.overall) await l.overall.consume("all");
    return null;
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  }
}

function plain(status: number, line: string, retryAfter: number): Response {
  return new Response(`${line}\n`, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(retryAfter),
      // The body was never read: close rather than have Node drain it to keep the
      // connection alive (a flood of large refused bodies would keep the event loop busy).
      connection: "close",
    },
  });
}
