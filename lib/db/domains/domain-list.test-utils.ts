import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/prisma/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/prisma/generated/postgres/client";
import { addDays, utcDay } from "@/lib/stats/date-range";
import type { Db } from "../client";
import type { DbConfig } from "../config";
import { sqliteAdapter } from "../sqlite-adapter";
import { finishCheckRun, startCheckRun } from "../checks/checks";
import type { Actor } from "./domains";
import { createPolicyVersion } from "../policies/policies";
import { saveVerification } from "../policies/verifications";

// Seeds for the domain-list tests (SQLite and PostgreSQL) and a client that counts the
// statements it sends, to show the list's query count does not grow with the domains.

export interface CountingDb {
  db: Db;
  count(): number;
  reset(): void;
  close(): Promise<void>;
}

/** A second client on the test database that counts every statement it sends. */
export function countingDb(config: DbConfig): CountingDb {
  let n = 0;
  const onQuery = () => {
    n++;
  };
  let db: Db;
  if (config.provider === "sqlite") {
    const c = new SqliteClient({
      adapter: sqliteAdapter(config.url),
      log: [{ emit: "event", level: "query" }],
    });
    c.$on("query", onQuery);
    db = c as unknown as Db;
  } else {
    const c = new PgClient({
      adapter: new PrismaPg({ connectionString: config.url }),
      log: [{ emit: "event", level: "query" }],
    });
    c.$on("query", onQuery);
    db = c as unknown as Db;
  }
  return {
    db,
    count: () => n,
    reset: () => {
      n = 0;
    },
    close: () => db.$disconnect(),
  };
}

export const TODAY = utcDay(new Date());
export const day = (n: number) => addDays(TODAY, -n);

/** Summary rollup rows (mxHost "*") as the store keeps them. */
export async function seedRollups(
  db: Db,
  domainId: string,
  rows: {
    day: string;
    resultType: string;
    sessions: number;
    reporterKey?: string;
    mxHost?: string;
  }[],
): Promise<void> {
  await db.dailyRollup.createMany({
    data: rows.map((r) => ({
      domainId,
      day: r.day,
      mxHost: r.mxHost ?? "*",
      resultType: r.resultType,
      reporterKey: r.reporterKey ?? "google.com",
      sessions: r.sessions,
    })),
  });
}

/** A finished check run with `errors` errors in its summary. */
export async function seedCheck(db: Db, domainId: string, errors: number): Promise<void> {
  const run = await startCheckRun(db, domainId, "test");
  await finishCheckRun(db, run, {
    domain: "",
    startedAt: "",
    finishedAt: "",
    durationMs: 1,
    mode: "testing",
    deadlineHit: false,
    results: [],
    summary: { error: errors, warning: 0, info: 0, ok: 0, untested: 0 },
  });
}

/** One domain with a testing policy, 8 days of rollups, a clean check and both verifications. */
export async function seedLiveDomain(db: Db, actor: Actor, name: string): Promise<string> {
  const d = await db.domain.create({ data: { name, displayName: name } });
  const p = await createPolicyVersion(
    db,
    d.id,
    { mode: "testing", maxAge: 86400, mx: [`mx.${name}`] },
    "create",
    actor,
  );
  if (!p.ok) throw new Error(p.error);
  await seedRollups(
    db,
    d.id,
    Array.from({ length: 8 }, (_, i) => ({ day: day(i + 1), resultType: "success", sessions: 10 })),
  );
  await seedCheck(db, d.id, 0);
  const at = new Date().toISOString();
  await saveVerification(db, d.id, "publish", {
    at,
    policyId: p.value.policyId,
    url: `https://mta-sts.${name}/.well-known/mta-sts.txt`,
    address: null,
    ok: true,
    sameBytes: true,
    servesOlderVersion: null,
    problems: [],
    statusLine: "HTTP/1.1 200 OK",
    contentType: "text/plain",
    certificate: null,
    served: p.value.body,
    diff: [],
  });
  const rec = { expected: null, found: [], ttl: 300, notes: [] };
  await saveVerification(db, d.id, "dns", {
    at,
    policyId: p.value.policyId,
    sts: { ...rec, name: `_mta-sts.${name}`, status: "match", foundId: p.value.policyId },
    tlsRpt: { ...rec, name: `_smtp._tls.${name}`, status: "match" },
    mxHosts: [`mx.${name}`],
  });
  return d.id;
}
