// The public endpoints behind publicEndpoint (lib/http): who is limited as whom, 429 and 503
// with their exact Retry-After, and the in-flight cap counted before a body is read.
// Real database (SQLite; PostgreSQL under `npm run test:pg`, where the buckets live there).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { handleTlsrptPost } from "@/lib/ingest/https-endpoint";
import { PEER_HEADER, installPeerStamp } from "@/lib/http/peer-address";
import { servePolicyFile } from "@/lib/http/policy-serving";
import { publicEndpoint, type PublicEndpointConfig } from "@/lib/http/public-endpoint";
import { policyLimits, reportLimits } from "@/lib/http/public-limits";
import { addDomain } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";

let t: TestDb;
beforeAll(async () => {
  installPeerStamp(); // as instrumentation.ts does: PEER_HEADER is the socket's address
  t = await openTestDb();
  const actor = await createTestActor(t.db);
  const d = await addDomain(t.db, { name: "hosted.example", displayName: "hosted.example" }, actor);
  if (!d.ok) throw new Error(d.error);
  const p = await createPolicyVersion(
    t.db,
    d.value.id,
    { mode: "testing", maxAge: 86400, mx: ["mx.hosted.example"] },
    "create",
    actor,
  );
  if (!p.ok) throw new Error(p.error);
});
afterAll(async () => {
  await t.close();
});

// Each test gets buckets of its own (on PostgreSQL they are tables that outlive a test).
let serial = 0;
const fresh = (cfg: PublicEndpointConfig): PublicEndpointConfig => ({
  ...cfg,
  name: `t${process.pid}_${serial++}_${cfg.name}`,
});

const reports = (env: Record<string, string>, over: Partial<PublicEndpointConfig> = {}) =>
  publicEndpoint({ ...fresh(reportLimits(parseSettings(env))), ...over }, (req, source) =>
    handleTlsrptPost(req, { db: async () => t.db, source }),
  );

function post(peer: string, headers: Record<string, string> = {}, body: BodyInit = "hello") {
  return new Request("http://app.test/api/reports/tlsrpt", {
    method: "POST",
    body,
    headers: { "content-type": "text/plain", [PEER_HEADER]: peer, ...headers },
    duplex: "half",
  } as RequestInit);
}

/** Status, Retry-After and the body of a limit's answer; the reader's own refusals (415
 * for these "hello" bodies) are shown as status and Retry-After only. */
const seen = async (res: Response) => {
  const head = `${res.status} ${res.headers.get("retry-after") ?? "-"}`;
  return res.status === 429 || res.status === 503 ? `${head} ${(await res.text()).trim()}` : head;
};

/** Refused sources, with the count of a row standing for repeats (rejected.ts). */
const rejectedSources = async () =>
  (await t.db.rejectedReport.findMany({ orderBy: { id: "asc" } })).map((r) =>
    r.count === 1 ? r.source : `${r.source} ×${r.count}`,
  );

describe("POST /api/reports/tlsrpt limits (RPT-DELIV-11)", () => {
  // The limiter's clock stands still, so Retry-After is exact however slow the machine is.
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 10, 30, 12) }));
  afterEach(() => vi.useRealTimers());

  it("limits a client that varies X-Forwarded-For as one source without STS_TRUST_PROXY", async () => {
    await t.db.rejectedReport.deleteMany();
    const send = reports({ STS_RATE_BURST: "2", STS_RATE_PER_SECOND: "0.1" });
    const got = [];
    for (const xff of ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"]) {
      got.push(await seen(await send(post("198.51.100.7", { "x-forwarded-for": xff }))));
    }
    const refused = "415 -";
    const limited = "429 20 rate limited: try again in 20 s";
    expect(got).toEqual([refused, refused, limited, limited]);
    // another socket peer has its own bucket; the refusals name the socket's address
    expect(await seen(await send(post("198.51.100.8")))).toBe(refused);
    expect(await rejectedSources()).toEqual(["198.51.100.7 ×2", "198.51.100.8"]);
  });

  it("with STS_TRUST_PROXY and a trusted proxy, `XFF: spoofed, real` is limited as real", async () => {
    await t.db.rejectedReport.deleteMany();
    const send = reports({ STS_TRUST_PROXY: "1", STS_RATE_BURST: "2", STS_RATE_PER_SECOND: "1" });
    const via = (xff: string, peer = "127.0.0.1") =>
      send(post(peer, { "x-forwarded-for": xff })).then(seen);
    const refused = "415 -";
    expect([
      await via("192.0.2.1, 203.0.113.9"),
      await via("192.0.2.2, 203.0.113.9"),
      await via("192.0.2.3, 203.0.113.9"),
      await via("203.0.113.10"),
      // not from a trusted proxy: its X-Forwarded-For is ignored, it is limited as itself
      await via("203.0.113.9", "198.51.100.20"),
    ]).toEqual([refused, refused, "429 2 rate limited: try again in 2 s", refused, refused]);
    expect(await rejectedSources()).toEqual(["203.0.113.9 ×2", "203.0.113.10", "198.51.100.20"]);
  });

  it("caps all sources together with the overall limit", async () => {
    const send = reports({}, { overall: { points: 2, duration: 10 } });
    const got = [];
    for (const peer of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
      got.push(await seen(await send(post(peer))));
    }
    expect(got).toEqual(["415 -", "415 -", "429 10 rate limited: try again in 10 s"]);
  });

  it("answers 503 with Retry-After beyond the in-flight cap, before reading the body", async () => {
    const send = reports({ STS_INFLIGHT_REPORTS: "2" });
    const held = [gate(), gate()];
    const pending = held.map((g, i) => send(post(`198.51.100.${30 + i}`, {}, g.stream)));
    await Promise.all(held.map((g) => g.reading)); // both handlers are reading their bodies
    const third = gate();
    const busy = await send(post("198.51.100.40", {}, third.stream));
    expect(await seen(busy)).toBe("503 10 busy: too many requests in progress, try again in 10 s");
    expect(third.pulls()).toBe(0);
    held.forEach((g) => g.finish("hello"));
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([415, 415]);
    expect((await send(post("198.51.100.40"))).status).toBe(415); // the slots are free again
  });
});

// Outside the describe above on purpose: the body deadline is a timer, not the clock.
describe("POST /api/reports/tlsrpt against slow uploads (issue 11, RPT-DELIV-11)", () => {
  const slowReports = (deadlineMs: number, env: Record<string, string> = {}) =>
    publicEndpoint(fresh(reportLimits(parseSettings(env))), (req, source) =>
      handleTlsrptPost(req, { db: async () => t.db, source, bodyDeadlineMs: deadlineMs }),
    );

  it("answers 408 to a body that never finishes within the deadline, and frees its slot", async () => {
    await t.db.rejectedReport.deleteMany();
    const send = slowReports(300, { STS_INFLIGHT_REPORTS: "1" });
    const never = gate(); // never finished
    const started = Date.now();
    const res = await send(post("198.51.100.70", {}, never.stream));
    const took = Date.now() - started;
    expect(`${res.status} ${(await res.text()).trim()}`).toBe(
      "408 rejected: the request body took more than 1 s to arrive",
    );
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5000);
    const rows = await t.db.rejectedReport.findMany();
    expect(rows.map((r) => [r.source, r.reason])).toEqual([
      ["198.51.100.70", "the request body took more than 1 s to arrive"],
    ]);
    // the only slot is free again: the next request is read (and refused as not a report)
    expect((await send(post("198.51.100.71"))).status).toBe(415);
  });

  it("refuses a 3rd upload in flight from one source with 429, while another source gets in", async () => {
    const send = slowReports(30_000);
    const held = [gate(), gate()];
    const pending = held.map((g) => send(post("198.51.100.80", {}, g.stream)));
    await Promise.all(held.map((g) => g.reading));
    const third = gate();
    const refused = await send(post("198.51.100.80", {}, third.stream));
    expect(await seen(refused)).toBe(
      "429 10 busy: too many requests from this address in progress, try again in 10 s",
    );
    expect(third.pulls()).toBe(0);
    expect((await send(post("198.51.100.81"))).status).toBe(415); // another source is served
    held.forEach((g) => g.finish("hello"));
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([415, 415]);
    expect((await send(post("198.51.100.80"))).status).toBe(415); // its slots are free again
  });

  it("does not cap in flight per source when no socket address is known (all one source)", async () => {
    const send = publicEndpoint(
      { ...fresh(reportLimits(parseSettings({}))), peerOf: () => null },
      (req, source) => handleTlsrptPost(req, { db: async () => t.db, source }),
    );
    const held = [gate(), gate(), gate()];
    const pending = held.map((g) => send(post("198.51.100.90", {}, g.stream)));
    await Promise.all(held.map((g) => g.reading)); // all three are being read
    held.forEach((g) => g.finish("hello"));
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual([415, 415, 415]);
  });
});

describe("GET /.well-known/mta-sts.txt limits (STS-FETCH-1)", () => {
  const policyReq = (peer: string) =>
    new Request("http://mta-sts.hosted.example/api/mta-sts", {
      headers: { host: "mta-sts.hosted.example", [PEER_HEADER]: peer },
    });

  it("serves each source generously, then 429 with Retry-After", async () => {
    const serve = publicEndpoint(
      fresh(policyLimits(parseSettings({ STS_POLICY_PER_MINUTE: "3" }))),
      async (req) => servePolicyFile(req, t.db),
    );
    const got = [];
    for (let i = 0; i < 4; i++) got.push((await serve(policyReq("192.0.2.50"))).status);
    const limited = await serve(policyReq("192.0.2.50"));
    expect([...got, limited.status]).toEqual([200, 200, 200, 429, 429]);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(await (await serve(policyReq("192.0.2.51"))).text()).toMatch(/^version: STSv1\r\n/);
  });

  it("answers 503 with Retry-After 1 beyond the in-flight cap", async () => {
    const release = deferred();
    const entered = deferred();
    const serve = publicEndpoint(
      fresh(policyLimits(parseSettings({ STS_INFLIGHT_POLICY: "1" }))),
      async (req) => {
        entered.resolve();
        return servePolicyFile(req, await release.promise.then(() => t.db));
      },
    );
    const first = serve(policyReq("192.0.2.60"));
    // The first request holds the only slot before the second asks (on PostgreSQL the rate
    // limiter's query could otherwise let the second overtake it).
    await entered.promise;
    const busy = await serve(policyReq("192.0.2.61"));
    expect(await seen(busy)).toBe("503 1 busy: too many requests in progress, try again in 1 s");
    release.resolve();
    expect((await first).status).toBe(200);
    expect((await serve(policyReq("192.0.2.61"))).status).toBe(200);
  });
});

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A request body that is sent only when told to, counting how often it was asked for. */
function gate() {
  let pulls = 0;
  const started = deferred();
  const go = deferred();
  let text = "";
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(c) {
        pulls++;
        started.resolve();
        await go.promise;
        c.enqueue(new TextEncoder().encode(text));
        c.close();
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    reading: started.promise,
    pulls: () => pulls,
    finish(body: string) {
      text = body;
      go.resolve();
    },
  };
}
