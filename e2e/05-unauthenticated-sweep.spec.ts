import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Every page and API route in app/ is requested without a session and must be refused
// (pages: redirect to /sign-in; API: 401), except the public list below. New routes are
// picked up automatically: the list comes from the file system, not from this file.

const PUBLIC = new Set([
  "/sign-in",
  "/first-run",
  "/api/health",
  "/api/auth/[...nextauth]",
  // The hosted policy (next.config.ts rewrites mta-sts.<d>/.well-known/mta-sts.txt here): senders
  // fetch it without a session. Unknown hosts get 404.
  "/api/mta-sts",
  // Caddy's on-demand TLS ask endpoint: 200 only for mta-sts.<managed domain with a policy>.
  "/api/tls-ask",
  // RFC 8460 §5.3: reporters POST TLS reports to the https rua URL without a session
  // (rate-limited per source; e2e/30-ingest.spec.ts covers it).
  "/api/reports/tlsrpt",
  // The first admin account: works only while no user exists and with the setup code,
  // behind the public-endpoint limits (e2e/01-first-run.spec.ts covers it).
  "/api/first-run",
  // Prometheus scrapes it with the bearer token STS_METRICS_TOKEN, not a session
  // (e2e/start-server.sh sets one; without it the endpoint answers 404).
  "/api/metrics",
]);
/** The STS_METRICS_TOKEN e2e/start-server.sh gives the app. */
const E2E_METRICS_TOKEN = "e2e-metrics-token-not-for-production";
const SAMPLE_PARAM: Record<string, string> = { "[name]": "example.com" };

interface Route {
  route: string;
  kind: "page" | "api";
  methods: string[];
}

function collect(dir: string, segments: string[], out: Route[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      const skip = e.name.startsWith("(") && e.name.endsWith(")");
      collect(full, skip ? segments : [...segments, e.name], out);
    } else if (e.name === "page.tsx") {
      out.push({ route: "/" + segments.join("/"), kind: "page", methods: ["GET"] });
    } else if (e.name === "route.ts") {
      const src = readFileSync(full, "utf8");
      const methods = [
        ...src.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]!);
      out.push({ route: "/" + segments.join("/"), kind: "api", methods });
    }
  }
}

const routes: Route[] = [];
collect(path.resolve("app"), [], routes);
const concrete = (r: string) => r.replace(/\[[^\]]+\]/g, (p) => SAMPLE_PARAM[p] ?? "x");

test("the sweep found the app's routes", () => {
  const names = routes.map((r) => r.route);
  for (const expected of [
    "/",
    "/domains",
    "/domains/[name]",
    "/users",
    "/api/domains",
    "/api/domains/[name]",
  ]) {
    expect(names).toContain(expected);
  }
});

for (const r of routes.filter((x) => !PUBLIC.has(x.route))) {
  for (const method of r.methods) {
    test(`${method} ${r.route} without a session is refused`, async ({ request }) => {
      const res = await request.fetch(concrete(r.route), {
        method,
        maxRedirects: 0,
        data: method === "GET" ? undefined : {},
      });
      if (r.kind === "page") {
        expect([303, 307, 308]).toContain(res.status());
        expect(res.headers().location).toMatch(/\/sign-in$/);
      } else {
        expect(res.status()).toBe(401);
        expect(await res.json()).toEqual({ error: "Sign in first." });
      }
    });
  }
}

test("the public routes answer without a session", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({
    status: "ok",
    database: { ok: true, provider: "sqlite" },
  });
  expect((await request.get("/sign-in")).status()).toBe(200);
  expect((await request.get("/first-run")).status()).toBe(404);
  expect((await request.get("/api/auth/providers")).status()).toBe(200);
});

test("the metrics endpoint wants its bearer token, not a session (issue 14 §4)", async ({
  request,
}) => {
  const none = await request.get("/api/metrics");
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toBe('Bearer realm="metrics"');
  expect(await none.json()).toEqual({
    error: "Send the metrics token: Authorization: Bearer <STS_METRICS_TOKEN>.",
  });
  const wrong = await request.get("/api/metrics", {
    headers: { authorization: "Bearer wrong-token-wrong-token" },
  });
  expect(wrong.status()).toBe(401);
  expect(await wrong.json()).toEqual({ error: "The metrics token is wrong." });
  const res = await request.get("/api/metrics", {
    headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
  });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
  const lines = (await res.text()).split("\n");
  // Totals other specs change are not asserted here, only that each metric is there (the
  // per-domain gauges appear once a domain exists, which depends on the other specs).
  for (const line of [
    "# TYPE sts_reports_stored_total counter",
    "# TYPE sts_reports_refused_total counter",
    "# TYPE sts_check_runs_total counter",
    "# TYPE sts_check_runs_running gauge",
    "# TYPE sts_check_run_duration_seconds histogram",
    "# TYPE process_cpu_user_seconds_total counter",
  ]) {
    expect(lines).toContain(line);
  }
});
