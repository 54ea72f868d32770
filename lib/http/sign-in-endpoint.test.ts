import type { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { signInLimits } from "./public-limits";
import { cappedSignIn } from "./sign-in-endpoint";

// The wrapper in front of next-auth's POST (issue 11 §6-7). The handler here stands in for
// next-auth and records what it was handed; the route itself is in the hostile table
// (lib/db/hostile/hostile-table.test.ts) and the e2e sign-in specs.

type Ctx = { params: Promise<{ nextauth: string[] }> };
const ctx: Ctx = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const URL_ = "http://app.test/api/auth/callback/credentials?x=1";

function setup(name: string) {
  const seen: { body: string; type: string | null; query: string; route: string[] }[] = [];
  let release: () => void = () => undefined;
  let hold: Promise<void> | null = null;
  const post = cappedSignIn(
    () => ({ ...signInLimits(parseSettings({})), name, peerOf: (r) => r.headers.get("x-peer") }),
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
});
