import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerStamp } from "@/lib/http/peer-address";
import { backgroundTurn, requestsOpen, requestStarted } from "./background-turn";

// Issue 14 (bench:watch): background steps wait while a page request is being answered,
// counted by the server process's request hook, against a real HTTP server on loopback.

let server: http.Server;
let port = 0;
/** The answer of the request in progress: the test decides when it is done. */
let answer: (() => void) | null = null;

beforeAll(async () => {
  installPeerStamp();
  server = http.createServer((req, res) => {
    if (req.url === "/stream") {
      // As the check route streams a run: headers first, lines as events come.
      res.setHeader("Content-Type", "application/x-ndjson; charset=utf-8");
      res.write('{"type":"run"}\n');
      answer = () => res.end('{"type":"stored"}\n');
      return;
    }
    if (req.url === "/stream-head") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n");
      answer = () => res.end();
      return;
    }
    answer = () => res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function get(path = "/"): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await sleep(5);
  expect(cond()).toBe(true);
}

describe("backgroundTurn", () => {
  it("is one event-loop turn while no request is open", async () => {
    expect(requestsOpen()).toBe(0);
    const t = performance.now();
    await backgroundTurn();
    expect(performance.now() - t).toBeLessThan(50);
  });

  it("waits while a request is being answered and goes once it is done", async () => {
    const response = get();
    await until(() => answer !== null);
    expect(requestsOpen()).toBe(1);
    const order: string[] = [];
    const step = backgroundTurn(10_000).then(() => order.push("step"));
    await sleep(100);
    expect(order).toEqual([]);
    order.push("answered");
    answer?.();
    answer = null;
    expect(await response).toBe(200);
    await step;
    expect(order).toEqual(["answered", "step"]);
    expect(requestsOpen()).toBe(0);
  });

  it("goes after maxWaitMs under a request that does not end, so background work never stops", async () => {
    const done = requestStarted();
    try {
      const t = performance.now();
      await backgroundTurn(150);
      expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    } finally {
      done();
      done(); // idempotent: counted once
    }
    expect(requestsOpen()).toBe(0);
  });

  it("lets waiting steps go one per event-loop turn, so a request arriving meanwhile stops the rest", async () => {
    const done = requestStarted();
    const went: number[] = [];
    const steps = [1, 2, 3].map((n) => backgroundTurn(10_000).then(() => went.push(n)));
    await sleep(20);
    done();
    // The first goes on the next turn; a request that opens before the second's turn holds it.
    await steps[0];
    const again = requestStarted();
    await sleep(50);
    expect(went).toEqual([1]);
    again();
    await Promise.all(steps);
    expect(went).toEqual([1, 2, 3]);
  });

  it("does not wait for a streamed answer: a check's progress stream lasts as long as the check", async () => {
    for (const path of ["/stream", "/stream-head"]) {
      const response = get(path);
      await until(() => answer !== null);
      await until(() => requestsOpen() === 0);
      const t = performance.now();
      await backgroundTurn(10_000);
      expect(performance.now() - t, path).toBeLessThan(50);
      answer?.();
      answer = null;
      expect(await response).toBe(200);
    }
  });
});
