import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "@/lib/checker/types";
import { policyText } from "@/e2e/servers/lab-zones";
import { startTestWorld, type TestWorld } from "@/e2e/servers/world";

// `npm run check -- <domain> [--json]` as a person runs it: a child process (tsx) against
// loopback DNS, HTTPS and SMTP servers, configured through the app's environment variables.

const DOMAIN = "cli-broken.test";
const MX1 = `mx1.${DOMAIN}`;
const MX2 = `mx2.${DOMAIN}`;

let world: TestWorld;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  world = await startTestWorld({
    domains: [
      {
        name: DOMAIN,
        mx: [{ host: MX1, cert: "expired" }, { host: MX2 }],
        policy: { behaviour: { body: policyText("enforce", [MX1, MX2]) } },
        stsTxt: ["v=STSv1; id=20250301T120000Z"],
        records: [
          { name: DOMAIN, type: "TXT", strings: ["v=spf1 mx -all"] },
          { name: `_dmarc.${DOMAIN}`, type: "TXT", strings: ["v=DMARC1; p=reject"] },
        ],
      },
    ],
  });
  dir = mkdtempSync(path.join(os.tmpdir(), "sts-cli-"));
  writeFileSync(path.join(dir, "ca.pem"), world.caPem);
  env = {
    ...process.env,
    STS_DNS_SERVERS: world.dnsServer,
    STS_CHECK_ALLOW_PRIVATE: "1",
    STS_EXTRA_CA_FILE: path.join(dir, "ca.pem"),
  };
});
afterAll(async () => {
  await world?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.resolve("node_modules/.bin/tsx"),
      ["scripts/check.ts", ...args],
      { env, timeout: 40_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("npm run check", () => {
  it("prints the report for a broken domain and exits 1", async () => {
    const { code, stdout, stderr } = await cli([DOMAIN]);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(
      /^MTA-STS check for cli-broken\.test {2}\(policy mode: enforce, \d+ ms\)$/,
    );
    expect(lines[1]).toBe("1 error(s), 1 warning(s), 0 untested, 2 info, 30 ok");
    const ip1 = world.ipOf(MX1);
    expect(lines.slice(3, 7)).toEqual([
      `ERROR CHK-MX-5 [${MX1}]: Certificate not valid for MTA-STS: the certificate has expired`,
      expect.stringMatching(
        new RegExp(
          `^ {6}seen: ${MX1.replace(/\./g, "\\.")} \\(${ip1?.replace(/\./g, "\\.")}:25\\): subject CN=${MX1.replace(/\./g, "\\.")}; SAN ${MX1.replace(/\./g, "\\.")}; issuer CN=STS Rollout Test CA; expires \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z \\(-1[01] days\\)$`,
        ),
      ),
      `      fix:  Install a publicly trusted, unexpired certificate on ${MX1} whose subjectAltName lists ${MX1} (or a *.parent wildcard), with the full chain. Problems: the certificate has expired.`,
      "WARN  CHK-RPT-1: No TLS-RPT record: no visibility into failures",
    ]);
    expect(lines).toContain(`ok    CHK-MX-5 [${MX2}]: Certificate is trusted and names the host`);
    expect(stderr).toMatch(/^ {2}\d+\/\d+ /m);
    expect(code).toBe(1);
  });

  it("--json prints the same report as JSON", async () => {
    const { code, stdout } = await cli([DOMAIN, "--json"]);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.domain).toBe(DOMAIN);
    expect(report.summary).toEqual({ error: 1, warning: 1, info: 2, ok: 30, untested: 0 });
    expect(
      report.results
        .filter((r) => r.severity === "error" || r.severity === "warning")
        .map((r) => [r.id, r.severity, r.target ?? null]),
    ).toEqual([
      ["CHK-MX-5", "error", MX1],
      ["CHK-RPT-1", "warning", null],
    ]);
    expect(code).toBe(1);
  });

  it("bad usage exits 2 with the usage line", async () => {
    const { code, stderr } = await cli(["--nope"]);
    expect(stderr).toMatch(/^usage: npm run check -- <domain> \[--json\]/);
    expect(code).toBe(2);
  });
});
