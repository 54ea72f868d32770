// Issue 11's hostile-input table: every public endpoint × every hostile input → the
// documented status within its time budget, nothing stored, and the health check answering
// right after. The routes are the real ones (app/api/...), with their limits, worker pool
// and database; SQLite here, PostgreSQL under `npm run test:pg`. The mailbox row is in
// lib/mailbox/poll-hostile.test.ts (it needs Dovecot); the browser's view of the same
// endpoints is e2e/35-public-limits.spec.ts and e2e/45-browser-hardening.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { PEER_HEADER, installPeerStamp } from "@/lib/http/peer-address";
import {
  hostileInputs,
  moreHostileInputs,
  type HostileInput,
} from "@/lib/ingest/hostile-inputs.test-utils";
import { ingestBytes } from "@/lib/ingest/ingest";
import { costMsAsync } from "@/lib/tlsrpt/inline-reports.test-utils";
import { addDomain } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { countRows } from "../reports/reports.test-utils";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";

type Route = (req: Request) => Promise<Response>;
let t: TestDb;
let reportPost: Route;
let policyGet: Route;
let tlsAsk: Route;
let signInPost: Route;
let health: () => Promise<Response>;

beforeAll(async () => {
  // The pool's read deadline is wall-clock time (2 s by default): on a loaded machine a
  // gzip bomb could hit it before the reader names the bomb. Each refusal asserted here is
  // the reader's own; the cost bound below (CPU or wall, 3 s) still catches a slow read.
  process.env.STS_READ_TIMEOUT_MS = "20000";
  installPeerStamp(); // as the server does: PEER_HEADER is the socket's address
  t = await openTestDb();
  // The routes use the process-wide database: point it at this test's.
  process.env.DATABASE_URL = t.config.provider === "sqlite" ? `file:${t.config.url}` : t.config.url;
  const actor = await createTestActor(t.db);
  const d = await addDomain(
    t.db,
    { name: "hostile.example", displayName: "hostile.example" },
    actor,
  );
  if (!d.ok) throw new Error(d.error);
  const p = await createPolicyVersion(
    t.db,
    d.value.id,
    { mode: "testing", maxAge: 86400, mx: ["mx.hostile.example"] },
    "create",
    actor,
  );
  if (!p.ok) throw new Error(p.error);
  reportPost = (await import("@/app/api/reports/tlsrpt/route")).POST;
  policyGet = (await import("@/app/api/mta-sts/route")).GET;
  tlsAsk = (await import("@/app/api/tls-ask/route")).GET;
  health = (await import("@/app/api/health/route")).GET;
  const signIn = (await import("@/app/api/auth/[...nextauth]/route")).POST;
  const params = Promise.resolve({ nextauth: ["callback", "credentials"] });
  signInPost = (req) => signIn(req, { params });
  // Start the worker threads (the server's first request pays this once too).
  await ingestBytes(t.db, Buffer.from("{}"), { channel: "upload", source: "warm-up" });
  // Opening the database and the first bcrypt hash (which starts a pool worker) can take
  // a while on a loaded machine; nothing here is timed.
}, 180_000);
afterAll(async () => {
  await t.close();
});

// Each request comes from its own address, so the rate limits (tested on their own in
// lib/db/limits) never stand in for the reader's answer.
let peer = 0;
const nextPeer = () => `198.18.${Math.floor(++peer / 250)}.${(peer % 250) + 1}`;

async function healthy(): Promise<void> {
  const res = await health();
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).toBe("ok");
}

/**
 * Sends one input and returns status, first line and its cost in ms: costMsAsync, the
 * smaller of wall time and the process's CPU time (worker threads included), so waiting for
 * a core on a loaded machine does not count, while a read that spins still does.
 */
async function timed(send: () => Promise<Response>) {
  const { value, ms } = await costMsAsync(async () => {
    const res = await send();
    const line = (await res.text()).split("\n")[0] ?? "";
    return { status: res.status, line, connection: res.headers.get("connection") };
  });
  return { ...value, ms };
}

const post = (i: HostileInput) =>
  reportPost(
    new Request("http://app.test/api/reports/tlsrpt", {
      method: "POST",
      body: new Uint8Array(i.body),
      headers: { "content-type": i.contentType, [PEER_HEADER]: nextPeer() },
      duplex: "half",
    } as RequestInit),
  );

// Status and the start of the answer for each input (RPT-ING-1/2, RPT-JSON-1, issue 11 §3).
const DEEP = "the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused";
const EXPECTED: Record<string, { status: number; line: RegExp; maySlow?: boolean }> = {
  "issue-174-bytes": { status: 400, line: exact(DEEP) },
  "nesting-10000": { status: 400, line: exact(DEEP) },
  "gzip-bomb-256MiB": {
    status: 413,
    line: exact("the gzip data expands past 20.0 MiB; stopped at the limit"),
  },
  "gzip-members-50000": {
    status: 400,
    line: exact("the report is not valid JSON: Unexpected end of JSON input"),
  },
  // 5 million array elements parse in about a second; on a loaded machine the 2 s read
  // deadline may end it first (503, see SLOW below). Either way it is refused, nothing stored.
  "array-10MiB": {
    status: 400,
    line: exact("date-range: expected an object, got nothing"),
    maySlow: true,
  },
  "email-2000-attachments": {
    status: 400,
    line: exact("the message could not be parsed: Max allowed child nodes exceeded"),
  },
  "email-60-attachments": { status: 413, line: /^rejected: .*more than 50 attachments/ },
  "oversized-11MiB": { status: 413, line: exact("the report is over the 10.0 MiB limit") },
  "email-gzip-bomb": {
    status: 413,
    line: exact("the gzip data expands past 20.0 MiB; stopped at the limit"),
  },
  "duplicate-keys-deep": { status: 400, line: exact(DEEP) },
};
/** The reader's deadline answer: busy, try later (not "too large"). */
const SLOW = {
  status: 503,
  line: /^rejected: the input took more than 2 s to read and was refused$/,
};
/** What an input must get: its own answer, or (if it may run past the deadline) SLOW. */
const wanted = (name: string, status: number) => {
  const want = EXPECTED[name];
  return want?.maySlow && status === SLOW.status ? SLOW : want;
};
function exact(reason: string): RegExp {
  return new RegExp(`^rejected: ${reason.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}
const INPUTS = [...hostileInputs(), ...moreHostileInputs()];

describe("hostile inputs × public endpoints (issue 11)", () => {
  it("names an expectation for every hostile input", () => {
    expect(INPUTS.map((i) => i.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(INPUTS.map((i) => [i.name, i] as const))(
    "POST /api/reports/tlsrpt refuses %s within 3 s, stores nothing, health answers",
    async (_name, input) => {
      const before = await countRows(t.db);
      const got = await timed(() => post(input));
      const want = wanted(input.name, got.status);
      expect(got.status).toBe(want?.status);
      expect(got.line).toMatch(want?.line ?? /never/);
      expect(got.ms).toBeLessThan(3_000);
      // A refusal made before the whole body was read closes the connection, so the server
      // does not read and discard the rest of it.
      expect(got.connection).toBe(got.status === 413 ? "close" : null);
      // One rejection recorded with its reason; nothing else written.
      expect(await countRows(t.db)).toEqual({ ...before, rejected: before.rejected + 1 });
      await healthy();
    },
  );

  it.each(INPUTS.map((i) => [i.name, i] as const))(
    "an upload of %s gets the same refusal and stores nothing",
    async (_name, input) => {
      const before = await countRows(t.db);
      const out = await ingestBytes(t.db, input.body, {
        channel: "upload",
        source: input.name,
        filename: input.name,
        contentType: input.contentType,
      });
      const want = wanted(input.name, out.httpStatus);
      expect(out.status).toBe("rejected");
      // The upload route caps bodies at 15 MiB, so the 11 MiB body reaches the reader.
      if (input.name !== "oversized-11MiB") {
        expect(out.httpStatus).toBe(want?.status);
        expect(`rejected: ${out.reason}`).toMatch(want?.line ?? /never/);
      }
      expect(await countRows(t.db)).toEqual({ ...before, rejected: before.rejected + 1 });
      await healthy();
    },
  );

  it("a client that varies X-Forwarded-For is limited as its socket address (60, then 429)", async () => {
    const from = nextPeer();
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const res = await reportPost(
        new Request("http://app.test/api/reports/tlsrpt", {
          method: "POST",
          body: "{}",
          headers: {
            "content-type": "application/tlsrpt+json",
            [PEER_HEADER]: from,
            "x-forwarded-for": `203.0.113.${i}`,
          },
          duplex: "half",
        } as RequestInit),
      );
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 400)).toHaveLength(60);
    expect(statuses.slice(60)).toEqual([429, 429]);
    await healthy();
  });

  const HOSTS = [
    "x".repeat(65_536),
    `mta-sts.${"a".repeat(300)}.example`,
    "mta-sts.xn--zz-----.example",
    "mta-sts.\u00e9xample.example",
    "mta-sts.hostile.example.".repeat(200),
  ];

  it.each(HOSTS.map((h) => [h.slice(0, 40), h] as const))(
    "policy serving answers Host %s with 404 in under 1 s",
    async (_label, host) => {
      const got = await timed(() =>
        policyGet(
          new Request("http://app.test/api/mta-sts", {
            headers: { host: "app.test", "x-forwarded-host": host, [PEER_HEADER]: nextPeer() },
          }),
        ),
      );
      expect(got).toMatchObject({
        status: 404,
        line: "No MTA-STS policy is served for this host.",
      });
      expect(got.ms).toBeLessThan(1_000);
      await healthy();
    },
  );

  it("policy serving still serves the hosted policy, also for a Host with a port", async () => {
    for (const host of ["mta-sts.hostile.example", "mta-sts.hostile.example:443"]) {
      const res = await policyGet(
        new Request("http://app.test/api/mta-sts", {
          headers: { host, [PEER_HEADER]: nextPeer() },
        }),
      );
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^version: STSv1\r\nmode: testing\r\n/);
    }
  });

  it("tls-ask refuses a policy host name that carries a port", async () => {
    const url = "http://app.test/api/tls-ask?domain=mta-sts.hostile.example:443";
    const res = await tlsAsk(new Request(url, { headers: { [PEER_HEADER]: nextPeer() } }));
    expect(res.status).toBe(404);
  });

  it.each(HOSTS.map((h) => [h.slice(0, 40), h] as const))(
    "tls-ask refuses %s with 404 in under 1 s",
    async (_label, host) => {
      const url = `http://app.test/api/tls-ask?domain=${encodeURIComponent(host)}`;
      const got = await timed(() =>
        tlsAsk(new Request(url, { headers: { [PEER_HEADER]: nextPeer() } })),
      );
      expect(got).toMatchObject({ status: 404, line: "not a policy host served here" });
      expect(got.ms).toBeLessThan(1_000);
      await healthy();
    },
  );

  it.each([
    ["a 1 MiB password", "admin@example.com", "p".repeat(1024 * 1024)],
    ["a 64 KiB e-mail", `${"e".repeat(65_536)}@example.com`, "whatever password"],
    ["control characters", "admin@example.com\u0000\r\n", "\u0000".repeat(80)],
  ])(
    "sign-in refuses %s as a wrong password in under 3 s, and nobody is signed in",
    async (_l, email, password) => {
      const throttle = await createSignInThrottle(`hostile_${process.pid}_${peer}`);
      const { value: out, ms } = await costMsAsync(() =>
        signInWithPassword(t.db, throttle, { email, password, address: nextPeer() }),
      );
      expect(out).toEqual({ ok: false, error: "CredentialsSignin" });
      expect(ms).toBeLessThan(3_000);
      await healthy();
    },
  );

  const signInRequest = (body: Uint8Array | string, contentType: string) =>
    new Request("http://app.test/api/auth/callback/credentials", {
      method: "POST",
      body,
      headers: { "content-type": contentType, [PEER_HEADER]: nextPeer() },
      duplex: "half",
    } as RequestInit);

  it("the sign-in route refuses 10 MiB of nested JSON with 413 in under 1 s, unparsed", async () => {
    const deep = Buffer.alloc(10 * 1024 * 1024, "[");
    const got = await timed(() => signInPost(signInRequest(deep, "application/json")));
    expect(got).toMatchObject({
      status: 413,
      line: "the sign-in request is over the 16 KiB limit",
    });
    expect(got.ms).toBeLessThan(1_000);
    await healthy();
  });

  it("the sign-in route refuses a body that is neither a form nor JSON with 415", async () => {
    const got = await timed(() => signInPost(signInRequest("email=a&password=b", "text/plain")));
    expect(got).toMatchObject({
      status: 415,
      line: "sign-in takes application/x-www-form-urlencoded or application/json only",
    });
    await healthy();
  });
});
