import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAB_LIMITS } from "../../e2e/servers/lab-check";
import { startTestWorld, type TestWorld } from "../../e2e/servers/world";
import { readReport } from "../tlsrpt/read-report";
import { checkDomain } from "./index";
import type { CheckOptions, CheckResult } from "./types";

// CHK-RPT-6 against a real HTTPS report endpoint on loopback, reached through the test DNS.

let world: TestWorld;
let server: Server;
let port = 0;
const received: { path: string; type: string | undefined; body: Buffer }[] = [];

beforeAll(async () => {
  // The endpoint's port is only known once it listens, and the rua names it: start the
  // world first for its CA, then publish the records that name the port.
  world = await startTestWorld({ domains: [{ name: "rua-placeholder.test" }] });
  const { key, cert } = world.ca.issue({ sans: ["reports.rua.test"] });
  server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        type: req.headers["content-type"],
        body: Buffer.concat(chunks),
      });
      res.writeHead(req.url === "/tlsrpt" ? 202 : 500, { "Content-Type": "text/plain" });
      res.end(req.url === "/tlsrpt" ? "accepted" : "broken");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  world.setRecords("reports.rua.test", "A", [
    { name: "reports.rua.test", type: "A", address: "127.0.0.1" },
  ]);
  for (const [domain, path] of [
    ["rua-ok.test", "tlsrpt"],
    ["rua-bad.test", "broken"],
  ]) {
    world.setRecords(`_smtp._tls.${domain}`, "TXT", [
      {
        name: `_smtp._tls.${domain}`,
        type: "TXT",
        strings: [`v=TLSRPTv1; rua=https://reports.rua.test:${port}/${path}`],
      },
    ]);
  }
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await world.stop();
});

const options = (): CheckOptions => ({
  ...LAB_LIMITS,
  dnsServers: [world.dnsServer],
  ca: [world.caPem],
  allowPrivate: true,
});

const rpt6 = (results: CheckResult[]) => results.filter((r) => r.id === "CHK-RPT-6");

describe("CHK-RPT-6: the https rua accepts a test report (opt-in)", () => {
  it("is not run unless the caller opts in: nothing is posted", async () => {
    const report = await checkDomain("rua-ok.test", options());
    expect(rpt6(report.results)).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it("posts a valid zero-session report and passes on 2xx", async () => {
    const report = await checkDomain("rua-ok.test", { ...options(), testHttpsRua: true });
    const [r] = rpt6(report.results);
    expect(r).toMatchObject({
      severity: "ok",
      title: "HTTPS report endpoint accepts reports",
      evidence: `POST https://reports.rua.test:${port}/tlsrpt (127.0.0.1): HTTP/1.1 202 Accepted`,
    });
    const post = received.at(-1);
    expect(post?.type).toBe("application/tlsrpt+json");
    const parsed = readReport(new Uint8Array(post?.body ?? Buffer.alloc(0)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const [rep] = parsed.value.reports;
      expect(
        rep?.policies.map((p) => [
          p.policyType,
          p.policyDomain,
          p.totalSuccessfulSessionCount,
          p.totalFailureSessionCount,
        ]),
      ).toEqual([["no-policy-found", "rua-ok.test", 0, 0]]);
    }
  });

  it("warns with the status line when the endpoint does not answer 2xx", async () => {
    const report = await checkDomain("rua-bad.test", { ...options(), testHttpsRua: true });
    const [r] = rpt6(report.results);
    expect(r).toMatchObject({
      severity: "warning",
      title: "HTTPS report endpoint refused a test report",
      evidence: `POST https://reports.rua.test:${port}/broken (127.0.0.1): HTTP/1.1 500 Internal Server Error`,
    });
    expect(r?.fix).toContain("answer POST requests with Content-Type application/tlsrpt+json");
  });
});
