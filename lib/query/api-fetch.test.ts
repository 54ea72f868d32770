import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, apiFetch } from "./api-fetch";

// The browser's one fetch helper, against a real HTTP server on loopback that answers the
// way our routes do: what it sends (method, JSON body and type) and what a person sees
// when the route refuses (the route's own message, never a stack or an HTML page).

interface Seen {
  method: string;
  type: string | undefined;
  body: string;
}

let server: http.Server;
let base = "";
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", type: req.headers["content-type"], body });
      const reply = (status: number, type: string, text: string) => {
        res.writeHead(status, { "content-type": type });
        res.end(text);
      };
      if (req.url === "/ok")
        return reply(201, "application/json", '{"policyId":"20260101T000000"}');
      if (req.url === "/gone") return reply(204, "application/json", "");
      if (req.url === "/conflict")
        return reply(409, "application/json", '{"error":"example.com is already on the list."}');
      if (req.url === "/limited")
        return reply(429, "text/plain", "rate limited: try again in 42 s\n");
      return reply(500, "text/html", "<!DOCTYPE html><html>stack trace</html>");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function refusal(p: Promise<unknown>): Promise<[string, number]> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ApiError)) throw new Error("expected an ApiError");
  return [e.message, e.status];
}

describe("apiFetch", () => {
  it("sends JSON and returns the route's JSON", async () => {
    seen.length = 0;
    const r = await apiFetch<{ policyId: string }>("POST", `${base}/ok`, { mode: "testing" });
    expect(r).toEqual({ policyId: "20260101T000000" });
    expect(seen).toEqual([
      { method: "POST", type: "application/json", body: '{"mode":"testing"}' },
    ]);
  });

  it("sends {} as JSON when a mutation has no body (withUser takes JSON only)", async () => {
    seen.length = 0;
    expect(await apiFetch("DELETE", `${base}/gone`)).toBeUndefined();
    expect(seen).toEqual([{ method: "DELETE", type: "application/json", body: "{}" }]);
  });

  it("sends no body on GET", async () => {
    seen.length = 0;
    await apiFetch("GET", `${base}/ok`);
    expect(seen).toEqual([{ method: "GET", type: undefined, body: "" }]);
  });

  it("throws the route's own message and status", async () => {
    expect(await refusal(apiFetch("POST", `${base}/conflict`, { name: "example.com" }))).toEqual([
      "example.com is already on the list.",
      409,
    ]);
    expect(await refusal(apiFetch("POST", `${base}/limited`))).toEqual([
      "rate limited: try again in 42 s",
      429,
    ]);
  });

  it("never shows an HTML error page: a generic line with the status instead", async () => {
    expect(await refusal(apiFetch("POST", `${base}/crash`))).toEqual([
      "The server answered 500.",
      500,
    ]);
  });
});
