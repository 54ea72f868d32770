import http from "node:http";
import { expect, test } from "@playwright/test";

// Issue 11 §6 against `next start` itself: the socket peer, not X-Forwarded-For, is the
// source the public endpoints limit (the stamp in instrumentation.ts). Each test connects
// from its own loopback address (127.0.0.x), so the buckets of 127.0.0.1, which the other
// specs use, are untouched.

const port = Number(process.env.E2E_PORT ?? 3100);

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

function send(
  from: string,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, localAddress: from, method, path, headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"], body }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("a client varying X-Forwarded-For is limited as its socket address (RPT-DELIV-11)", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 61; i++) {
    const xff = `198.51.100.${i}`;
    const a = await send("127.0.0.41", "POST", "/api/reports/tlsrpt", { "x-forwarded-for": xff });
    statuses.push(a.status);
  }
  // STS_RATE_BURST defaults to 60: sixty empty bodies refused (400), then the limit
  expect(statuses.filter((s) => s === 400)).toHaveLength(60);
  expect(statuses[60]).toBe(429);
  const limited = await send("127.0.0.41", "POST", "/api/reports/tlsrpt", {
    "x-forwarded-for": "203.0.113.77",
    "x-sts-peer-address": "203.0.113.78",
  });
  expect(limited.status).toBe(429);
  expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
  expect(limited.body).toBe(`rate limited: try again in ${limited.retryAfter} s\n`);
  // another address has a bucket of its own
  const other = await send("127.0.0.42", "POST", "/api/reports/tlsrpt", {
    "x-forwarded-for": "198.51.100.1",
  });
  expect(`${other.status} ${other.body}`).toBe("400 rejected: the request body is empty\n");
});

test("policy serving (by Host, through proxy.ts) and tls-ask answer behind the wrapper (STS-FETCH-1)", async () => {
  const policy = await send("127.0.0.43", "GET", "/.well-known/mta-sts.txt", {
    host: "mta-sts.not-managed.example",
  });
  expect(`${policy.status} ${policy.body}`).toBe(
    "404 No MTA-STS policy is served for this host.\n",
  );
  const ask = await send(
    "127.0.0.43",
    "GET",
    "/api/tls-ask?domain=mta-sts.not-managed.example",
    {},
  );
  expect(`${ask.status} ${ask.body}`).toBe("404 not a policy host served here\n");
});
