import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import dns2 from "dns2";
import { fileURLToPath } from "node:url";

// The real app as separate processes for the two-app test (issue 14 §5): `npm start`'s own
// scripts/start.sh (migrate, then `next start`) on the production build, each in a process
// group of its own so a test can SIGKILL a whole app at once, as a crashed machine would.

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");

/** What the build is made from: the newest of these makes an older build stale. Tests,
 * e2e, bench and docs are not in the build. */
const BUILD_INPUTS = /^(app|components|lib|i18n|messages|prisma|public)\/|^[^/]+\.(ts|mjs|json)$/;
const NOT_BUILT = /\.test\.tsx?$|\.test-utils\.ts$|^(vitest|playwright)\.|^prisma\/migrations\//;

/** Why the production build cannot be reused (null: it can). */
export function staleBuild(): string | null {
  const id = path.join(DIST, "BUILD_ID");
  if (!existsSync(id)) return `there is no build in ${path.relative(ROOT, DIST)}`;
  const builtAt = statSync(id).mtimeMs;
  const ls = spawnSync("git", ["ls-files", "-co", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (ls.status !== 0) return "git ls-files failed, so the build's freshness is unknown";
  for (const f of ls.stdout.split("\n")) {
    if (!BUILD_INPUTS.test(f) || NOT_BUILT.test(f)) continue;
    const p = path.join(ROOT, f);
    if (existsSync(p) && statSync(p).mtimeMs > builtAt) return `${f} is newer than the build`;
  }
  return null;
}

/** The app's environment: the test runner's own, without Vitest's NODE_ENV=test. */
function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("VITEST")) env[k] = v;
  return { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** Reuses a current production build, else builds one (as `npm test`'s e2e stage does,
 * skipping the type pass `npm run typecheck` makes). The build does not depend on the
 * engine: lib/db/client.ts picks SQLite or PostgreSQL from DATABASE_URL at run time. */
export function ensureProductionBuild(): { built: boolean; ms: number } {
  const t0 = performance.now();
  const why = staleBuild();
  if (why === null) return { built: false, ms: performance.now() - t0 };
  console.log(`building the production app (${why})`);
  const r = spawnSync("npx", ["next", "build"], {
    cwd: ROOT,
    // No DATABASE_URL, as `npm test` builds: the same build then serves either engine.
    env: { ...appEnv({ STS_BUILD_SKIP_TYPECHECK: "1" }), DATABASE_URL: undefined },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
  return { built: true, ms: performance.now() - t0 };
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (a && typeof a === "object" ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

export interface AppProcess {
  name: string;
  base: string;
  child: ChildProcess;
  /** The last 8 kB the app printed (for a failing test's message). */
  log(): string;
  /** Whether `pid` (from a claim row's owner, host:pid:random) is one of this app's. */
  owns(pid: number): boolean;
  /** Signals the whole process group; resolves once the group's leader is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startApp(name: string, port: number, env: Record<string, string>): AppProcess {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn("bash", ["scripts/start.sh"], {
    cwd: ROOT,
    env: appEnv({
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "two-apps-secret-not-for-production",
      STS_SKIP_BUILD: "1",
      ...env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  const keep = (b: Buffer) => void (out = (out + b.toString()).slice(-8192));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const group = child.pid ?? -1;
  return {
    name,
    base,
    child,
    log: () => out,
    owns(pid) {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; the group is the spawned bash's.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(fields[2]) === group;
    },
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-group, signal);
      } catch {
        return; // the group is gone already
      }
      await exited;
    },
  };
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  ms: number,
  detail: () => string = () => "",
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${detail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** GET /api/health: the status and body, or null while the app does not answer. */
export async function health(base: string): Promise<{ status: number; body: unknown } | null> {
  try {
    const r = await fetch(`${base}/api/health`);
    return { status: r.status, body: await r.json() };
  } catch {
    return null;
  }
}

/** A slow DNS server on loopback: every question is answered after `delayMs`, with no
 * records (NODATA), so a full check of any domain takes a few such round trips and is
 * stored with its findings ("no MX", "no _mta-sts record", …). */
export async function startSlowDns(
  delayMs: number,
): Promise<{ address: string; close(): Promise<void> }> {
  const pending = new Set<ReturnType<typeof setTimeout>>();
  const server = dns2.createUDPServer((request, send) => {
    const response = dns2.Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    const timer = setTimeout(() => {
      pending.delete(timer);
      Promise.resolve(send(response)).catch(() => undefined);
    }, delayMs);
    pending.add(timer);
  });
  await server.listen(0, "127.0.0.1");
  return {
    address: `127.0.0.1:${server.address().port}`,
    close() {
      for (const timer of pending) clearTimeout(timer);
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
