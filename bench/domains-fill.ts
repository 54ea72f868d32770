// Seeding for bench/domains.ts: DOMAINS domains × DAYS days of DailyRollup rows, each with
// two policy versions, three check runs, both stored verifications and a fresh stored
// verdict, bulk-inserted outside Prisma (better-sqlite3 or pg), as bench/charts.ts does.
import Database from "better-sqlite3";
import pg from "pg";
import { addDays } from "../lib/stats/date-range";
import { VERDICT_RULES_VERSION } from "../lib/db/readiness/verdict";

type Row = Record<string, string | number | boolean | null>;
export interface Sink {
  insert(table: string, rows: Row[]): Promise<void>;
  finish(): Promise<void>;
}

const columns = (rows: Row[]) => Object.keys(rows[0] ?? {});
const quoted = (cols: string[]) => cols.map((c) => `"${c}"`).join(",");

export function sqliteSink(file: string): Sink {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("BEGIN");
  return {
    async insert(table, rows) {
      const cols = columns(rows);
      if (cols.length === 0) return;
      const stmt = db.prepare(
        `INSERT INTO "${table}" (${quoted(cols)}) VALUES (${cols.map(() => "?").join(",")})`,
      );
      for (const r of rows)
        stmt.run(...cols.map((c) => (typeof r[c] === "boolean" ? (r[c] ? 1 : 0) : r[c])));
    },
    async finish() {
      db.exec("COMMIT");
      db.exec("ANALYZE");
      db.close();
    },
  };
}

export function pgSink(url: string): Sink {
  const client = new pg.Client({ connectionString: url });
  const ready = client.connect();
  return {
    async insert(table, rows) {
      await ready;
      const cols = columns(rows);
      const per = Math.floor(60000 / Math.max(1, cols.length));
      for (let i = 0; i < rows.length; i += per) {
        const values: unknown[] = [];
        const tuples = rows.slice(i, i + per).map((r) => {
          const base = values.length;
          for (const c of cols) values.push(r[c]);
          return `(${cols.map((_, j) => `$${base + j + 1}`).join(",")})`;
        });
        await client.query(
          `INSERT INTO "${table}" (${quoted(cols)}) VALUES ${tuples.join(",")}`,
          values,
        );
      }
    },
    async finish() {
      await ready;
      // As autovacuum would have by then: statistics, and the visibility map for index-only scans.
      await client.query("VACUUM ANALYZE");
      await client.end();
    },
  };
}

const REPORTERS = ["google.com", "microsoft.com", "small-sender.example"];
const MX = ["mx1", "mx2"];

/** Fills the database; returns the number of DailyRollup rows. */
export async function fill(
  sink: Sink,
  o: { domains: number; days: number; endDay: string; now: Date; isPg: boolean },
): Promise<number> {
  const ts = (d: Date) => (o.isPg ? d.toISOString() : d.toISOString().replace("Z", "+00:00"));
  const at = (day: string) => ts(new Date(`${day}T00:00:00Z`));
  const ids = Array.from({ length: o.domains }, (_, d) => `bench-d${d}`);
  // Unpadded (d2, d10, d100), so the list's natural sort is exercised (issue 16).
  const name = (d: number) => `d${d}.bench.example`;
  await sink.insert(
    "Domain",
    ids.map((id, d) => ({ id, name: name(d), displayName: name(d), createdAt: at(o.endDay) })),
  );
  const versions: Row[] = [];
  const runs: Row[] = [];
  const settings: Row[] = [];
  const verdicts: Row[] = [];
  ids.forEach((id, d) => {
    for (const [k, mode] of ["testing", "enforce"].entries()) {
      if (k === 1 && d % 3 !== 0) continue;
      const mx = JSON.stringify(MX.map((m) => `${m}.${name(d)}`));
      const policyId = `2026110${k + 1}T000000`;
      versions.push({ domainId: id, policyId, mode, maxAge: 86400, mx, body: "", actor: "b" });
    }
    for (let r = 0; r < 3; r++)
      runs.push({
        id: `run-${d}-${r}`,
        domainId: id,
        startedAt: at(addDays(o.endDay, -r)),
        finishedAt: at(addDays(o.endDay, -r)),
        status: "done",
        summary: JSON.stringify({ error: d % 5 === 0 ? 1 : 0 }),
        report: "{}",
        actor: "b",
      });
    const verified = JSON.stringify({
      at: ts(o.now),
      policyId: "x",
      ok: d % 2 === 0,
      problems: [],
    });
    settings.push({ key: `verify:${id}:publish`, value: verified });
    verdicts.push({
      domainId: id,
      inputsVersion: 1,
      computedVersion: 1,
      rulesVersion: VERDICT_RULES_VERSION,
      ready: d % 4 === 0,
      metCount: d % 4 === 0 ? 7 : 5,
      total: 7,
      unmet: d % 4 === 0 ? "[]" : '["READY-3","READY-5"]',
      summary: "bench",
      computedAt: ts(o.now),
      staleAfter: ts(new Date(o.now.getTime() + 86_400_000)),
    });
  });
  await sink.insert("PolicyVersion", versions);
  await sink.insert("CheckRun", runs);
  await sink.insert("Setting", settings);
  await sink.insert("DomainVerdict", verdicts);
  let rollups = 0;
  for (let day = 0; day < o.days; day++) {
    const date = addDays(o.endDay, -day);
    const rows: Row[] = [];
    ids.forEach((domainId, d) => {
      for (const reporterKey of REPORTERS) {
        const ok = 300 + ((d * 7 + day) % 200);
        const bad = (d + day) % 4;
        rows.push({
          domainId,
          day: date,
          mxHost: "*",
          resultType: "success",
          reporterKey,
          sessions: ok,
        });
        rows.push({
          domainId,
          day: date,
          mxHost: "*",
          resultType: "failure",
          reporterKey,
          sessions: bad,
        });
        const mxHost = `${MX[day % 2]}.${name(d)}`;
        if (bad > 0)
          rows.push({
            domainId,
            day: date,
            mxHost,
            resultType: "certificate-expired",
            reporterKey,
            sessions: bad,
          });
      }
    });
    rollups += rows.length;
    await sink.insert("DailyRollup", rows);
  }
  await sink.finish();
  return rollups;
}
