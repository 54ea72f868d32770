// Multi-row INSERTs of row objects (report-rows.ts), one text for both engines: the
// columns are the objects' keys, so a column added to a row builder needs no change here.
// `INSERT … ON CONFLICT … DO NOTHING / DO UPDATE … RETURNING` is understood by SQLite
// (≥ 3.35) and PostgreSQL alike, and Prisma's tagged templates bind every value (Dates,
// booleans and bytes converted by each engine's adapter). Lists are cut below the bind
// limit (bind-limits.ts: at most 8,000 parameters per statement).
import { Prisma } from "@/prisma/generated/sqlite/client";
import { chunksFor } from "../bind-limits";

/** A transaction, or the client itself outside one. */
type Tx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

/** The tables the store writes: a closed list, so a table name is never input. */
export type StoreTable =
  "Report" | "ReportPolicy" | "FailureDetail" | "RawInput" | "DailyRollup" | "UnknownDomainTally";

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const ident = (name: string) => Prisma.raw(quoted(name));

/** Rows built by one builder share their keys; the first row's keys name the columns. */
function columnsOf(rows: readonly object[]): string[] {
  const first = rows[0];
  return first ? Object.keys(first) : [];
}

/** A value both engines store as the column's type; anything else is a bug upstream, and
 * refusing it here keeps it from being stored as text (SQLite would take it). */
function bindable(table: StoreTable, column: string, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      if (Number.isFinite(v)) return v;
      break;
    case "object":
      if (v instanceof Date || v instanceof Uint8Array) return v;
  }
  throw new TypeError(`${table}.${column}: cannot store ${typeof v} ${String(v).slice(0, 40)}`);
}

/** The statement as one Prisma.Sql built in a single pass (nesting Prisma.sql per row
 * costs more than executing the statement). Prisma numbers the placeholders per engine. */
function statement(
  table: StoreTable,
  columns: string[],
  rows: readonly object[],
  tail: Prisma.Sql,
) {
  const names = columns.map(quoted).join(", ");
  const strings: string[] = [];
  const values: unknown[] = [];
  // strings[k] is the text before values[k]; the last one closes the list.
  let text = `INSERT INTO ${quoted(table)} (${names}) VALUES (`;
  rows.forEach((row, i) => {
    const r = row as Record<string, unknown>;
    columns.forEach((c, j) => {
      strings.push(text + (j > 0 ? ", " : i > 0 ? "), (" : ""));
      text = "";
      values.push(bindable(table, c, r[c]));
    });
  });
  strings.push(`${text})`);
  return Prisma.sql`${new Prisma.Sql(strings, values)} ${tail}`;
}

/** Inserts the rows; `tail` is the ON CONFLICT clause, if any. */
export async function insertRows(
  tx: Tx,
  table: StoreTable,
  rows: readonly object[],
  tail: Prisma.Sql = Prisma.empty,
): Promise<void> {
  const columns = columnsOf(rows);
  for (const some of chunksFor(rows, columns.length)) {
    await tx.$executeRaw(statement(table, columns, some, tail));
  }
}

/**
 * Inserts the rows and returns the `returning` columns of each row inserted (a row skipped
 * by ON CONFLICT … DO NOTHING returns nothing). The engines return rows in no promised
 * order: callers match them by a unique key, or by id (see insertRowsReturningIds).
 */
export async function insertRowsReturning<K extends string>(
  tx: Tx,
  table: StoreTable,
  rows: readonly object[],
  returning: readonly K[],
  conflict: Prisma.Sql = Prisma.empty,
): Promise<Record<K, unknown>[]> {
  const columns = columnsOf(rows);
  const out: Record<K, unknown>[] = [];
  const tail = Prisma.sql`${conflict} RETURNING ${Prisma.join(returning.map(ident))}`;
  for (const some of chunksFor(rows, columns.length)) {
    out.push(...(await tx.$queryRaw<Record<K, unknown>[]>(statement(table, columns, some, tail))));
  }
  return out;
}

/**
 * Inserts rows into a table with an autoincrement "id" and returns their ids in row order.
 * The rows of one multi-row INSERT … VALUES take their ids in list order on both engines
 * (SQLite's rowid and PostgreSQL's serial are assigned row by row as VALUES is read), and
 * the ids of later statements are larger, so the ids returned, sorted, are the rows' ids.
 */
export async function insertRowsReturningIds(
  tx: Tx,
  table: StoreTable,
  rows: readonly object[],
): Promise<number[]> {
  const back = await insertRowsReturning(tx, table, rows, ["id"]);
  if (back.length !== rows.length) {
    throw new Error(`${table}: ${rows.length} rows inserted, ${back.length} ids returned`);
  }
  return back.map((r) => Number(r.id)).sort((a, b) => a - b);
}
