import type { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { signInErrorMessage, signInErrorRef } from "@/lib/auth/sign-in-messages";
import { parseSettings } from "@/lib/config/settings";
import { formatIcu } from "@/lib/i18n/format-icu";
import { MESSAGES } from "@/lib/i18n/messages";
import { signInLimits } from "./public-limits";
import { cappedSignIn } from "./sign-in-endpoint";

// The wrapper in front of next-auth's POST (issue 11 §6-7). The handler here stands in for
// next-auth and records what it was handed; the route itself is in the hostile table
// (lib/db/hostile/hostile-table.test.ts) and the e2e sign-in specs.

type Ctx = { params: Promise<{ nextauth: string[] }> };
const ctx: Ctx = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const URL_ = "http://app.test/api/auth/callback/credentials?x=1";

function setup(name: string, env: Record<string, string> = {}) {
  const seen: { body: string; type: string | null; query: string; route: string[] }[] = [];
  let release: () => void = () => undefined;
  let hold: Promise<void> | null = null;
  const post = cappedSignIn(
    () => ({
      ...signInLimits(parseSettings(env)),
      name,
      peerOf: (r) => r.headers.get("x-peer"),
    }),
    async (req: NextRequest, c: Ctx) => {
      if (hold) await hold;
      seen.push({
        body: await req.text(),
        type: req.headers.get("content-type"),
        query: req.nextUrl.searchParams.get("x") ?? "",
        route: (await c.params).nextauth,
      });
      return new Response("ok");
    },
  );
  const send = (body: string, type: string, peer = "192.0.2.1", extra: HeadersInit = {}) =>
    post(
      new Request(URL_, {
        method: "POST",
        body,
        headers: { "content-type": type, "x-peer": peer, ...extra },
      }),
      ctx,
    );
  const holdAll = () => {
    hold = new Promise((r) => (release = r));
  };
  return { seen, send, holdAll, release: () => release() };
}

describe("cappedSignIn", () => {
  it("hands next-auth the buffered form, its headers, URL and route params", async () => {
    const s = setup("sign_in_t1");
    const form = "csrfToken=abc&email=ada%40example.test&password=p";
    const res = await s.send(form, "application/x-www-form-urlencoded; charset=UTF-8");
    expect([res.status, await res.text()]).toEqual([200, "ok"]);
    expect(s.seen).toEqual([
      {
        body: form,
        type: "application/x-www-form-urlencoded; charset=UTF-8",
        query: "1",
        route: ["callback", "credentials"],
      },
    ]);
  });

  it("refuses a declared Content-Length over 16 KiB (413) and other types (415) unread", async () => {
    const s = setup("sign_in_t2");
    const big = await s.send("{}", "application/json", "192.0.2.2", {
      "content-length": String(16 * 1024 + 1),
    });
    expect([big.status, await big.text()]).toEqual([
      413,
      "the sign-in request is over the 16 KiB limit\n",
    ]);
    const body = "x".repeat(16 * 1024 + 1);
    expect((await s.send(body, "application/json", "192.0.2.2")).status).toBe(413);
    expect((await s.send("{}", "multipart/form-data", "192.0.2.2")).status).toBe(415);
    expect((await s.send("{}", "text/plain; a=application/json", "192.0.2.2")).status).toBe(415);
    expect(s.seen).toEqual([]);
  });

  it("takes 30 per source per minute (then 429) and 8 at once (then 503)", async () => {
    const s = setup("sign_in_t3");
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await s.send("a=1", "application/json")).status);
    expect(statuses.slice(0, 30).every((x) => x === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    s.holdAll();
    const parallel = Array.from({ length: 9 }, (_, i) =>
      s.send("a=1", "application/json", `198.51.100.${i + 1}`),
    );
    const ninth = await parallel[8];
    expect([ninth?.status, ninth?.headers.get("retry-after")]).toEqual([503, "5"]);
    s.release();
    expect((await Promise.all(parallel.slice(0, 8))).map((r) => r.status)).toEqual(
      Array(8).fill(200),
    );
  });

  // next-auth's client (signIn in next-auth/react) reads every answer with res.json() and
  // takes the error from data.url: a plain-text refusal made it throw, and the form stayed
  // on "Signing in…" (CI, e2e sign-ins from one address past 30 a minute).
  const asNextAuthReads = async (res: Response): Promise<string | null> => {
    const data = (await res.json()) as { url: string };
    return new URL(data.url).searchParams.get("error");
  };

  it("answers the rate refusal as next-auth's JSON; the form names the wait in both languages", async () => {
    const s = setup("sign_in_t4", { STS_SIGN_IN_PER_MINUTE: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await s.send("a=1", "application/json")).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await s.send("a=1", "application/json");
    const wait = Number(refused.headers.get("retry-after"));
    expect([refused.status, refused.headers.get("content-type")]).toEqual([
      429,
      "application/json",
    ]);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    const error = await asNextAuthReads(refused);
    expect(error).toBe(`rate:${wait}`);
    expect(signInErrorMessage(error ?? "")).toBe(
      `Too many sign-in attempts from this address. Try again in ${wait} second${wait === 1 ? "" : "s"}.`,
    );
    const ref = signInErrorRef("rate:42");
    expect(ref).toEqual({ key: "rateLimited", params: { seconds: 42 } });
    expect(formatIcu(MESSAGES.en.auth.signIn.rateLimited, ref.params, "en")).toBe(
      "Too many sign-in attempts from this address. Try again in 42 seconds.",
    );
    expect(formatIcu(MESSAGES.de.auth.signIn.rateLimited, ref.params, "de")).toBe(
      "Zu viele Anmeldeversuche von dieser Adresse. Versuchen Sie es in 42 Sekunden erneut.",
    );
    expect(s.seen).toHaveLength(3);
  });

  it("answers the in-flight refusal (503) as next-auth's JSON too: busy, with its wait", async () => {
    const s = setup("sign_in_t5");
    s.holdAll();
    const parallel = Array.from({ length: 9 }, (_, i) =>
      s.send("a=1", "application/json", `198.51.100.${i + 20}`),
    );
    const ninth = await parallel[8];
    expect(ninth?.status).toBe(503);
    const error = await asNextAuthReads(ninth!);
    expect(error).toBe("busy:5");
    expect(signInErrorMessage(error ?? "")).toBe(
      "The server is busy with other sign-ins. Try again in 5 seconds.",
    );
    expect(formatIcu(MESSAGES.de.auth.signIn.busy, signInErrorRef("busy:5").params, "de")).toBe(
      "Der Server ist mit anderen Anmeldungen ausgelastet. Versuchen Sie es in 5 Sekunden erneut.",
    );
    s.release();
    await Promise.all(parallel.slice(0, 8));
  });
});
