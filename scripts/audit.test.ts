import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run audit:prod` as CI runs it (issue 11 §12): the real npm client against a registry
// stand-in on loopback that answers the audit query with chosen advisories, refuses it,
// or is not there at all. Findings fail; an unanswered query is reported, not failed.

type Mode = "none" | "moderate" | "high" | "refuse";
let mode: Mode = "none";
let server: http.Server;
let registry: string;

const advisory = (id: number, severity: string, title: string) => ({
  id,
  url: `https://advisories.example/${id}`,
  title,
  severity,
  vulnerable_versions: "<999.0.0",
  cwe: [],
  cvss: { score: 0, vectorString: null },
});

function answer(): object {
  // Packages nothing else in production depends on, so each advisory counts once.
  if (mode === "moderate") return { "tailwind-merge": [advisory(1, "moderate", "Slow merge")] };
  if (mode === "high")
    return {
      zod: [advisory(2, "critical", "Parser escape")],
      "lucide-react": [advisory(3, "high", "Icon injection")],
    };
  return {};
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume().on("end", () => {
      if (mode === "refuse") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
      } else if (req.method === "POST" && req.url?.includes("/security/advisories/bulk")) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer()));
      } else {
        res.writeHead(404).end(); // packuments: npm then reports no fix, which is fine
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Runs the script as CI does; `summary` is what it wrote for scripts/test-summary.mjs. */
function audit(registryUrl: string): Promise<{ code: number; stdout: string; summary: unknown }> {
  const env = {
    ...process.env,
    npm_config_registry: registryUrl,
    npm_config_fetch_retries: "0",
    npm_config_audit: "true",
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "audit-"));
  const file = path.join(dir, "audit.json");
  const args = ["scripts/audit.ts", "--summary", file];
  return new Promise((resolve) => {
    execFile("node_modules/.bin/tsx", args, { env, timeout: 90_000 }, (err, stdout) => {
      const summary: unknown = JSON.parse(readFileSync(file, "utf8"));
      rmSync(dir, { recursive: true, force: true });
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, summary });
    });
  });
}

const NONE_CHECKED = { passed: 0, failed: 0 };

describe("npm run audit:prod", () => {
  it("passes when the registry reports nothing", async () => {
    mode = "none";
    expect(await audit(registry)).toEqual({
      code: 0,
      stdout: "npm audit --omit=dev: No high or critical advisories (0 lower).\n",
      summary: { passed: 1, failed: 0 },
    });
  });

  it("passes on moderate advisories, counting them", async () => {
    mode = "moderate";
    expect(await audit(registry)).toEqual({
      code: 0,
      stdout: "npm audit --omit=dev: No high or critical advisories (1 lower).\n",
      summary: { passed: 1, failed: 0 },
    });
  });

  it("fails on high and critical advisories, naming each", async () => {
    mode = "high";
    const r = await audit(registry);
    expect([r.code, r.summary]).toEqual([1, { passed: 0, failed: 1 }]);
    expect(r.stdout.split("\n")).toEqual([
      "npm audit --omit=dev: 1 critical and 1 high advisories in production dependencies:",
      "  high lucide-react: Icon injection",
      "  critical zod: Parser escape",
      "",
    ]);
  });

  it("does not fail when the registry refuses audit queries, and says so", async () => {
    mode = "refuse";
    expect(await audit(registry)).toEqual({
      code: 0,
      stdout:
        "npm audit --omit=dev: the registry answered HTTP 405 to the audit query: advisories not checked.\n",
      summary: NONE_CHECKED,
    });
  });

  it("does not fail when the registry cannot be reached, and says so", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await audit(`http://127.0.0.1:${port}/`)).toEqual({
      code: 0,
      stdout:
        "npm audit --omit=dev: the audit query failed (ECONNREFUSED): advisories not checked.\n",
      summary: NONE_CHECKED,
    });
  });
}, 120_000);
