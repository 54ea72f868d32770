import type { Settings } from "@/lib/config/settings";
import type { PublicEndpointConfig } from "./public-endpoint";

// The limits of each public endpoint, from the settings (README: Configuration).

export const trustOf = (s: Settings) => ({
  trustProxy: s.STS_TRUST_PROXY,
  trustedProxies: s.STS_TRUSTED_PROXIES,
});

/**
 * POST /api/reports/tlsrpt (RPT-DELIV-11): STS_RATE_BURST reports per source per window,
 * the window being as long as STS_RATE_PER_SECOND takes to earn them back (defaults: 60
 * per minute); 500 per 10 s from everyone together. Reporters retry for a day
 * (RPT-DELIV-3), so a 429 or 503 loses nothing.
 */
export function reportLimits(s: Settings): PublicEndpointConfig {
  return {
    name: "reports",
    perSource: {
      points: s.STS_RATE_BURST,
      duration: Math.max(1, Math.ceil(s.STS_RATE_BURST / s.STS_RATE_PER_SECOND)),
    },
    overall: { points: 500, duration: 10 },
    maxInFlight: s.STS_INFLIGHT_REPORTS,
    maxInFlightPerSource: 2, // one client's slow uploads cannot hold every slot (issue 11)
    busyRetryAfter: 10,
    trust: trustOf(s),
  };
}

/**
 * GET /.well-known/mta-sts.txt by Host (STS-FETCH-1): senders fetch it whenever their
 * cached copy ages out, many from one address behind a NAT, so the limit is generous and
 * per source only: one source cannot take the policy away from the others.
 */
export function policyLimits(s: Settings): PublicEndpointConfig {
  return {
    name: "policy",
    perSource: { points: s.STS_POLICY_PER_MINUTE, duration: 60 },
    maxInFlight: s.STS_INFLIGHT_POLICY,
    busyRetryAfter: 1,
    trust: trustOf(s),
  };
}

/**
 * GET /api/tls-ask (Caddy's on-demand TLS question). Caddy asks from its own address for
 * every new name a TLS client sends, so this bucket is in effect Caddy's; a 429 is a "no"
 * to Caddy, which never gets a certificate it was refused.
 */
export function tlsAskLimits(s: Settings): PublicEndpointConfig {
  return {
    name: "tls_ask",
    perSource: { points: s.STS_POLICY_PER_MINUTE, duration: 60 },
    maxInFlight: s.STS_INFLIGHT_TLS_ASK,
    busyRetryAfter: 1,
    trust: trustOf(s),
  };
}

/**
 * POST /api/auth/* (sign-in, sign-out): 30 per source per minute (STS_SIGN_IN_PER_MINUTE), and at most 8 at once
 * per process, so parallel password checks (each ~250 ms of a worker) stay bounded. The
 * per-account and per-address back-off is lib/auth/sign-in-throttle.ts.
 */
export function signInLimits(s: Settings): PublicEndpointConfig {
  return {
    name: "sign_in",
    perSource: { points: s.STS_SIGN_IN_PER_MINUTE, duration: 60 },
    maxInFlight: 8,
    busyRetryAfter: 5,
    trust: trustOf(s),
  };
}

/**
 * POST /api/first-run (the first admin account): 10 per source per minute and 4 at once
 * per process. Wrong setup codes have their own back-off (lib/auth/first-run.ts); this
 * keeps anyone from making the server hash passwords without end.
 */
export function firstRunLimits(s: Settings): PublicEndpointConfig {
  return {
    name: "first_run",
    perSource: { points: 10, duration: 60 },
    maxInFlight: 4,
    busyRetryAfter: 5,
    trust: trustOf(s),
  };
}

/**
 * GET /api/metrics (issue 14 §4): a scraper asks every 15-60 s, so 60 per source per
 * minute leaves room for several Prometheus replicas and still makes guessing the token
 * hopeless; 4 scrapes at once per process (each reads the database).
 */
export function metricsLimits(s: Settings): PublicEndpointConfig {
  return {
    name: "metrics",
    perSource: { points: 60, duration: 60 },
    maxInFlight: 4,
    busyRetryAfter: 5,
    trust: trustOf(s),
  };
}
