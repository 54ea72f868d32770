import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { collectStoredMetrics } from "@/lib/db/metrics/collect-metrics";
import { CONTENT_TYPE, exposition } from "@/lib/metrics/exposition";
import { processMetrics } from "@/lib/metrics/process-metrics";
import { fail } from "./errors";

// GET /api/metrics (issue 14 §4): Prometheus text for a scraper holding STS_METRICS_TOKEN
// (Authorization: Bearer, RFC 6750). Unset, the endpoint does not exist (404); a missing
// or wrong token gets 401 with WWW-Authenticate. Rate limits are the caller's
// (publicEndpoint), so a guess costs a request like any other.

export const METRICS_DISABLED = "Metrics are disabled.";
export const TOKEN_MISSING = "Send the metrics token: Authorization: Bearer <STS_METRICS_TOKEN>.";
export const TOKEN_WRONG = "The metrics token is wrong.";

const REALM = 'Bearer realm="metrics"';

/** Equal in constant time: both sides hashed first, so neither length nor prefix leaks. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function unauthorized(message: string, challenge: string): Response {
  const res = fail("unauthorized", message);
  res.headers.set("WWW-Authenticate", challenge);
  res.headers.set("Cache-Control", "no-store");
  return res;
}

/** The refusal for a request without the right token, or null when it may scrape. */
export function metricsRefusal(req: Request, token: string | undefined): Response | null {
  if (token === undefined) return fail("not-found", METRICS_DISABLED);
  const header = req.headers.get("authorization") ?? "";
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
  if (given === undefined) return unauthorized(TOKEN_MISSING, REALM);
  if (!sameToken(given, token)) {
    return unauthorized(TOKEN_WRONG, `${REALM}, error="invalid_token"`);
  }
  return null;
}

export interface MetricsContext {
  token: string | undefined;
  db: () => Promise<Db>;
  /** This instance's port, for the app_instance label of the process metrics. */
  port: number;
}

export async function answerMetrics(req: Request, ctx: MetricsContext): Promise<Response> {
  const refused = metricsRefusal(req, ctx.token);
  if (refused) return refused;
  const stored = await collectStoredMetrics(await ctx.db());
  const body = await exposition(stored.samples, stored.histograms, processMetrics(ctx.port));
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}
