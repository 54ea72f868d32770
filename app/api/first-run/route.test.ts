import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WRONG_SETUP_CODE } from "@/lib/auth/first-run";
import { hashSetupCode } from "@/lib/auth/setup-code";
import { countUsers, storeSetupCodeHash } from "@/lib/db/users/users";
import { openTestDb, type TestDb } from "@/lib/db/db.test-utils";
import { PEER_HEADER, installPeerStamp } from "@/lib/http/peer-address";

// The first-run form's route (issue 13 §2: it replaced a server action), called with a
// Request as Next calls it, on a real SQLite database: public, but same-site JSON only,
// rate-limited per source, and it creates exactly one admin with the setup code.

type Route = (req: Request) => Promise<Response>;
const CODE = "K7QD-9XRM-4HTB";
const ORIGIN = "http://app.test";
const ADA = { name: "Ada Admin", email: "ada@example.test", password: "correct horse battery" };

let t: TestDb;
let post: Route;
let peer = 0;

beforeAll(async () => {
  installPeerStamp(); // as the server does: PEER_HEADER is the socket's address
  t = await openTestDb();
  process.env.DATABASE_URL = t.config.provider === "sqlite" ? `file:${t.config.url}` : t.config.url;
  await storeSetupCodeHash(t.db, hashSetupCode(CODE));
  post = (await import("./route")).POST;
}, 120_000);
afterAll(async () => t.close());

/** Each request from its own address unless told, so the per-source limit stays out of the way. */
function send(
  body: unknown,
  headers: Record<string, string> = {},
  from?: string,
): Promise<Response> {
  return post(
    new Request(`${ORIGIN}/api/first-run`, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: {
        host: "app.test",
        origin: ORIGIN,
        "content-type": "application/json",
        [PEER_HEADER]: from ?? `198.51.100.${++peer}`,
        ...headers,
      },
    }),
  );
}

describe("POST /api/first-run", () => {
  it("refuses a request from another site with 403 and stores nothing", async () => {
    const res = await send({ ...ADA, setupCode: CODE }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: "Refused: this request came from another site (Origin https://evil.example).",
    });
    expect(await countUsers(t.db)).toBe(0);
  });

  it("refuses a form body with 415: the route takes JSON only", async () => {
    const res = await send("setupCode=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error:
        "Send the request body as JSON (Content-Type: application/json); this request sent application/x-www-form-urlencoded.",
    });
  });

  it("names the first field that is wrong, as the form shows it (400)", async () => {
    const noName = await send({ ...ADA, name: " ", setupCode: CODE });
    expect(noName.status).toBe(400);
    expect(await noName.json()).toEqual({ error: "Enter your name." });
    const badEmail = await send({ ...ADA, email: "ada", setupCode: CODE });
    expect(await badEmail.json()).toEqual({ error: "Enter a valid email address." });
    const notJson = await send("{");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "Check the form." });
    // zod's own problem, as a whole sentence naming the field (issue 16 §6).
    const longName = await send({ ...ADA, name: "x".repeat(101), setupCode: CODE });
    expect([longName.status, await longName.json()]).toEqual([
      400,
      { error: '"name" must be at most 100 characters long.' },
    ]);
  });

  it("answers a German browser in German (issue 16 §6), with the same status", async () => {
    const de = { "accept-language": "de-DE,de;q=0.9" };
    const noName = await send({ ...ADA, name: " ", setupCode: CODE }, de);
    expect([noName.status, await noName.json()]).toEqual([
      400,
      { error: "Geben Sie Ihren Namen ein." },
    ]);
    const longName = await send({ ...ADA, name: "x".repeat(101), setupCode: CODE }, de);
    expect(await longName.json()).toEqual({
      error: "„name“ darf höchstens 100 Zeichen lang sein.",
    });
    const wrong = await send({ ...ADA, setupCode: "2222-2222-2222" }, de);
    expect(await wrong.json()).toEqual({
      error:
        "Dieser Einrichtungscode ist falsch. Geben Sie den Code aus dem Server-Log des letzten Starts ein.",
    });
    const text = await send(JSON.stringify(ADA), { ...de, "content-type": "text/plain" });
    expect([text.status, await text.json()]).toEqual([
      415,
      {
        error:
          "Senden Sie den Anfragetext als JSON (Content-Type: application/json); diese Anfrage sendete text/plain.",
      },
    ]);
  });

  it("refuses a wrong setup code and a short password with the use case's message", async () => {
    const wrong = await send({ ...ADA, setupCode: "2222-2222-2222" });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: WRONG_SETUP_CODE });
    const short = await send({ ...ADA, password: "short", setupCode: CODE });
    expect(short.status).toBe(400);
    expect(await short.json()).toEqual({
      error: "The password must be at least 10 characters long.",
    });
    expect(await countUsers(t.db)).toBe(0);
  });

  it("rate-limits one source: the 11th request in a minute gets 429 with Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await send({}, {}, "203.0.113.9")).status);
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(400));
    expect(statuses[10]).toBe(429);
    const refused = await send({}, {}, "203.0.113.9");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("creates one admin with the right code (201); the code then works no more", async () => {
    const res = await send({ ...ADA, setupCode: CODE.toLowerCase() });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ email: ADA.email });
    expect(await countUsers(t.db)).toBe(1);
    const again = await send({ ...ADA, email: "eve@example.test", setupCode: CODE });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: WRONG_SETUP_CODE });
    expect(await countUsers(t.db)).toBe(1);
  });
});
