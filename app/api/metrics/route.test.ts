import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDb, type TestDb } from "@/lib/db/db.test-utils";
import { seedMetricsWorld } from "@/lib/db/metrics/metrics.test-utils";
import { PEER_HEADER, installPeerStamp } from "@/lib/http/peer-address";

// GET /api/metrics (issue 14 §4) called with a Request as Next calls it, on a real SQLite
// database holding known reports, refusals, check runs and verdicts: public (no session),
// but only with the bearer token from STS_METRICS_TOKEN; unset, it does not exist.
// lib/db/metrics/collect-metrics.test.ts pins every stored line on both engines.

type Route = (req: Request) => Promise<Response>;
const TOKEN = "metrics-test-token-0123456789abcdef";

let t: TestDb;
let peer = 0;

/** The route module as Next loads it, with the environment of the moment (secrets are read once per module). */
async function loadRoute(token: string | undefined): Promise<Route> {
  if (token === undefined) delete process.env.STS_METRICS_TOKEN;
  else process.env.STS_METRICS_TOKEN = token;
  vi.resetModules();
  return (await import("./route")).GET;
}

const scrape = (get: Route, headers: Record<string, string> = {}, from?: string) =>
  get(
    new Request("http://app.test/api/metrics", {
      headers: { [PEER_HEADER]: from ?? `198.51.100.${++peer}`, ...headers },
    }),
  );

beforeAll(async () => {
  installPeerStamp(); // as the server does: PEER_HEADER is the socket's address
  t = await openTestDb();
  process.env.DATABASE_URL = t.config.provider === "sqlite" ? `file:${t.config.url}` : t.config.url;
  await seedMetricsWorld(t.db);
}, 120_000);
afterAll(async () => {
  delete process.env.STS_METRICS_TOKEN;
  await t.close();
});

describe("GET /api/metrics without STS_METRICS_TOKEN", () => {
  it("answers 404 Metrics are disabled, whatever the request sends", async () => {
    const get = await loadRoute(undefined);
    const tries: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}` }];
    for (const headers of tries) {
      const res = await scrape(get, headers);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "Metrics are disabled." });
    }
  });
});

describe("GET /api/metrics with STS_METRICS_TOKEN", () => {
  let get: Route;
  beforeAll(async () => {
    get = await loadRoute(TOKEN);
  });

  it("refuses a request without the token: 401 with a Bearer challenge", async () => {
    const tries: Record<string, string>[] = [{}, { authorization: `Basic ${btoa(`x:${TOKEN}`)}` }];
    for (const headers of tries) {
      const res = await scrape(get, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await res.json()).toEqual({
        error: "Send the metrics token: Authorization: Bearer <STS_METRICS_TOKEN>.",
      });
    }
  });

  it("refuses a wrong token (also one that only starts right): 401 invalid_token", async () => {
    for (const wrong of ["metrics-test-token-0123456789abcdeX", TOKEN.slice(0, 20), `${TOKEN}0`]) {
      const res = await scrape(get, { authorization: `Bearer ${wrong}` });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe(
        'Bearer realm="metrics", error="invalid_token"',
      );
      expect(await res.json()).toEqual({ error: "The metrics token is wrong." });
    }
  });

  it("answers the Prometheus text with the stored totals and this instance's process metrics", async () => {
    const res = await scrape(get, { authorization: `bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = (await res.text()).split("\n");
    for (const line of [
      'sts_reports_stored_total{channel="https"} 1',
      'sts_reports_stored_total{channel="cli"} 2',
      'sts_reports_refused_total{channel="imap"} 4',
      'sts_check_runs_total{status="done"} 3',
      'sts_check_run_duration_seconds_bucket{status="done",le="5"} 2',
      'sts_check_run_duration_seconds_sum{status="done"} 48.75',
      'sts_domain_ready{domain="example.com"} 1',
      'sts_domain_policy_mode{domain="example.org",mode="enforce"} 1',
      "# TYPE process_cpu_user_seconds_total counter",
    ]) {
      expect(lines).toContain(line);
    }
    const instance = `app_instance="${hostname()}:3000"`;
    expect(lines.filter((l) => l.startsWith("process_resident_memory_bytes{"))).toEqual([
      expect.stringMatching(new RegExp(`^process_resident_memory_bytes\\{${instance}\\} \\d+$`)),
    ]);
    // The stored totals carry no instance label: every instance answers the same numbers.
    expect(lines.filter((l) => l.startsWith("sts_") && l.includes("app_instance"))).toEqual([]);
  });

  it("is rate-limited per source like the other public endpoints: the 61st request in a minute gets 429", async () => {
    const from = "203.0.113.61";
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push(
        (await scrape(get, { authorization: "Bearer guess-guess-guess-guess" }, from)).status,
      );
    }
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses[60]).toBe(429);
    const res = await scrape(get, { authorization: `Bearer ${TOKEN}` }, from);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.text()).toMatch(/^rate limited: try again in \d+ s\n$/);
  });
});
