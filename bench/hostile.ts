// Benchmark (issue 11): does hostile input slow the server down for everyone else?
// Starts the production build (`next start`) on a fresh SQLite file on a loopback port, with
// a domain whose policy is hosted here, then measures GET /.well-known/mta-sts.txt (by Host)
// and GET /api/health: first idle, then for ATTACK_SECONDS while CLIENTS loops in another
// process (bench/lib/hostile-attack.ts), each from its own loopback address, POST the hostile inputs of issue 11 to
// /api/reports/tlsrpt as fast as the server answers. The limiter is opened wide
// (STS_RATE_*), so what is measured is the cost of reading, not the limiter refusing.
// Target on this 2-core machine: p99 under attack ≤ 100 ms and ≤ 5× the idle p99 of the same
// run, for both GETs. Needs a build: STS_BUILD_SKIP_TYPECHECK=1 npx next build.
// Run: npm run bench:hostile   (BENCH_PORT=… picks the port, default a free one;
// BENCH_INPUTS=name,… sends only those inputs, names as in lib/ingest/hostile-inputs.test-utils.ts)
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import { createDb } from "../lib/db/client";
import { addDomain } from "../lib/db/domains/domains";
import { applyMigrations } from "../lib/db/migrate";
import { createPolicyVersion } from "../lib/db/policies/policies";
import { createFirstAdmin } from "../lib/db/users/users";
import { googleReport } from "../lib/tlsrpt/inline-reports.test-utils";

const IDLE_SECONDS = 10;
const ATTACK_SECONDS = 30;
const CLIENTS = 8;
const DOMAIN = "bench.example";
const root = path.resolve(import.meta.dirname, "..");
const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");

if (
  !existsSync(path.join(distDir, "BUILD_ID")) ||
  !existsSync(path.join(root, "build/pool-worker.mjs"))
) {
  console.error("No production build: run `STS_BUILD_SKIP_TYPECHECK=1 npx next build` first.");
  process.exit(2);
}

async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  const srv = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => srv.once("listening", r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function seed(file: string): Promise<void> {
  await applyMigrations({ provider: "sqlite", url: file });
  const db = createDb({ provider: "sqlite", url: file });
  const admin = await createFirstAdmin(db, {
    email: "bench@bench.example",
    name: "Bench",
    passwordHash: "$2b$04$unusedunusedunusedunuseOx3Jm0k2Qy0m3m1d3bcmCqCY2Hn6bNy",
  });
  if (!admin.ok) throw new Error(admin.error);
  const actor = { userId: admin.value.id, email: admin.value.email };
  const domain = await addDomain(db, { name: DOMAIN, displayName: DOMAIN }, actor);
  if (!domain.ok) throw new Error(domain.error);
  const policy = await createPolicyVersion(
    db,
    domain.value.id,
    { mode: "testing", maxAge: 86400, mx: [`mx.${DOMAIN}`] },
    "create",
    actor,
  );
  if (!policy.ok) throw new Error(policy.error);
  await db.$disconnect();
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request; resolves to [status, milliseconds]. */
function request(
  pathname: string,
  opts: { host?: string; method?: string; body?: Buffer; type?: string } = {},
): Promise<[number, number]> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: pathname,
        method: opts.method ?? "GET",
        agent: opts.body ? undefined : agent,
        headers: {
          ...(opts.host ? { host: opts.host } : {}),
          ...(opts.body
            ? { "content-type": opts.type ?? "", "content-length": opts.body.length }
            : {}),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve([res.statusCode ?? 0, performance.now() - t0]));
      },
    );
    req.on("error", () => resolve([0, performance.now() - t0]));
    req.setTimeout(10_000, () => req.destroy());
    req.end(opts.body);
  });
}

const policyGet = () => request("/.well-known/mta-sts.txt", { host: `mta-sts.${DOMAIN}` });
const healthGet = () => request("/api/health");

interface Samples {
  policy: number[];
  health: number[];
  bad: number;
}

/** Alternates the two GETs, one at a time with 10 ms between, until `until()` is false. */
async function measure(until: () => boolean): Promise<Samples> {
  const s: Samples = { policy: [], health: [], bad: 0 };
  while (until()) {
    const [ps, pms] = await policyGet();
    const [hs, hms] = await healthGet();
    s.policy.push(pms);
    s.health.push(hms);
    if (ps !== 200 || hs !== 200) s.bad++;
    await new Promise((r) => setTimeout(r, 10));
  }
  return s;
}

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(10);

const dir = mkdtempSync(path.join(os.tmpdir(), "sts-hostile-"));
const dbFile = path.join(dir, "bench.db");
await seed(dbFile);
const port = await freePort();
const log = createWriteStream(path.join(dir, "server.log"));
const server: ChildProcess = spawn(
  process.execPath,
  [
    path.join(root, "node_modules/next/dist/bin/next"),
    "start",
    "-p",
    String(port),
    "-H",
    "127.0.0.1",
  ],
  {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${dbFile}`,
      NEXTAUTH_SECRET: "bench-secret-not-for-production",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      STS_RATE_BURST: "1000000",
      STS_RATE_PER_SECOND: "1000000",
      // The measuring client fetches the policy more often than a sender would.
      STS_POLICY_PER_MINUTE: "1000000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
server.stdout?.pipe(log);
server.stderr?.pipe(log);

let exitCode = 1;
try {
  const started = Date.now();
  while ((await healthGet())[0] !== 200) {
    if (Date.now() - started > 60_000 || server.exitCode !== null) {
      throw new Error(`the server did not answer /api/health (log: ${dir}/server.log)`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const report = gzipSync(
    Buffer.from(JSON.stringify(googleReport()).replaceAll("example.com", DOMAIN)),
  );
  const [stored] = await request("/api/reports/tlsrpt", {
    method: "POST",
    body: report,
    type: "application/tlsrpt+gzip",
  });
  console.log(`server on 127.0.0.1:${port}; a valid report POSTed: HTTP ${stored}`);
  for (let i = 0; i < 50; i++) await Promise.all([policyGet(), healthGet()]); // warm-up

  const idleEnd = Date.now() + IDLE_SECONDS * 1000;
  const idle = await measure(() => Date.now() < idleEnd);

  const attacker = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      path.join(root, "bench/lib/hostile-attack.ts"),
      String(port),
      String(ATTACK_SECONDS),
      String(CLIENTS),
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: attacker.stdout! })[Symbol.asyncIterator]();
  if ((await lines.next()).value !== "ready") throw new Error("the attacker did not start");
  let attacking = true;
  const attack = lines.next().then((r) => {
    attacking = false;
    return JSON.parse(String(r.value)) as Record<string, Record<string, number>>;
  });
  const under = await measure(() => attacking);
  const counts = await attack;
  const [after, afterMs] = await healthGet();

  console.log(
    `\nhostile POSTs by ${CLIENTS} clients for ${ATTACK_SECONDS} s (response status: count):`,
  );
  for (const [name, row] of Object.entries(counts)) {
    const cells = Object.entries(row)
      .map(([st, n]) => `${st}: ${n}`)
      .join(", ");
    console.log(`  ${name.padEnd(24)} ${cells}`);
  }
  console.log(`/api/health right after: HTTP ${after} in ${afterMs.toFixed(1)} ms`);
  console.log(
    `\n${"".padEnd(26)} ${"idle p50".padStart(10)} ${"idle p99".padStart(10)} ${"attack p50".padStart(10)} ${"attack p99".padStart(10)}  ratio`,
  );
  let pass = after === 200 && under.bad === 0 && idle.bad === 0;
  for (const [label, a, b] of [
    ["GET /.well-known/mta-sts.txt", idle.policy, under.policy],
    ["GET /api/health", idle.health, under.health],
  ] as const) {
    const ratio = pct(b, 0.99) / pct(a, 0.99);
    pass &&= pct(b, 0.99) <= 100 && ratio <= 5;
    console.log(
      `${label.padEnd(26)} ${ms(pct(a, 0.5))} ${ms(pct(a, 0.99))} ${ms(pct(b, 0.5))} ${ms(pct(b, 0.99))}  ${ratio.toFixed(2)}×`,
    );
  }
  console.log(
    `samples: ${idle.policy.length} idle, ${under.policy.length} under attack per GET; non-200 answers: ${idle.bad} idle, ${under.bad} under attack`,
  );
  console.log(
    `target: p99 under attack ≤ 100 ms and ≤ 5× idle p99, both GETs: ${pass ? "PASS" : "FAIL"}`,
  );
  exitCode = pass ? 0 : 1;
} finally {
  server.kill();
  await new Promise((r) => server.once("exit", r));
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
