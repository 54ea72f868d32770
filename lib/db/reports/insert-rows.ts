// Multi-row INSERTs of row objects (report-rows.ts): the columns are the objects' keys, so
// a column added to a row builder needs no change here. `INSERT … ON CONFLICT … DO NOTHING /
// DO UPDATE … RETURNING` is understood by SQLite (≥ 3.35) and PostgreSQL alike. The rows
// travel as ONE bound JSON parameter, unpacked by the engine (jsonStatement): Prisma's cost
// per bound parameter is most of a report's storage cost otherwise, and this is the one
// place where the SQL differs per engine (json_each / json_populate_recordset). Rows with
// bytes (RawInput) are bound value by value instead (boundStatement). Lists are cut below
// the bind limit (bind-limits.ts: at most 8,000 values per statement), which also bounds
// the size of one JSON parameter.
import { Prisma } from "@/prisma/generated/sqlite/client";
import { chunksFor } from "../bind-limits";
import type { DbProvider } from "../config";

/** A transaction (or the client itself outside one) and its engine (client.ts, engineOf). */
export interface Target {
  tx: Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;
  engine: DbProvider;
}

/** The tables the store writes: a closed list, so a table name is never input. */
export type StoreTable =
  "Report" | "ReportPolicy" | "FailureDetail" | "RawInput" | "DailyRollup" | "UnknownDomainTally";

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const ident = (name: string) => Prisma.raw(quoted(name));

/** Rows built by one builder share their keys; the first row's keys name the columns. */
function columnsOf(table: StoreTable, rows: readonly object[]): string[] {
  const first = rows[0];
  const columns = first ? Object.keys(first) : [];
  // Names go into the SQL text (quoted, and in SQLite's JSON paths): plain identifiers only.
  const odd = columns.find((c) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c));
  if (odd !== undefined) throw new Error(`${table}: column name ${JSON.stringify(odd)}`);
  return columns;
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
function boundStatement(
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

/** Prisma's SQLite adapter writes DateTime as ISO text with an explicit +00:00 offset;
 * PostgreSQL reads the same text into timestamp(3) as UTC. */
const isoTime = (d: Date) => `${d.toISOString().slice(0, -1)}+00:00`;

/** A lone surrogate as U+FFFD, which is what either driver stores for a bound string; in
 * JSON it would be an escape SQLite stores as invalid UTF-8 and PostgreSQL refuses. */
const LONE_SURROGATE = /\p{Surrogate}/u;
const wellFormed = (v: string) =>
  LONE_SURROGATE.test(v) ? v.replace(/\p{Surrogate}/gu, "\ufffd") : v;

/**
 * The rows as one JSON array parameter: SQLite's json_each unpacks it (json_extract per
 * column), PostgreSQL's json_populate_recordset with the table's own row type (so each
 * value takes its column's type). Both read the array in order, so rows are inserted, and
 * take their ids, in list order. Null when a row holds bytes (JSON has no bytes).
 */
function jsonStatement(
  engine: DbProvider,
  table: StoreTable,
  columns: string[],
  rows: readonly object[],
  tail: Prisma.Sql,
): Prisma.Sql | null {
  const objects: Record<string, unknown>[] = [];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    const o: Record<string, unknown> = {};
    for (const c of columns) {
      const v = bindable(table, c, r[c]);
      if (v instanceof Uint8Array) return null;
      o[c] = typeof v === "string" ? wellFormed(v) : v instanceof Date ? isoTime(v) : v;
    }
    objects.push(o);
  }
  const json = JSON.stringify(objects);
  const names = Prisma.raw(columns.map(quoted).join(", "));
  if (engine === "postgresql") {
    return Prisma.sql`INSERT INTO ${ident(table)} (${names}) SELECT ${names}
      FROM json_populate_recordset(NULL::${ident(table)}, ${json}::json) ${tail}`;
  }
  const picks = Prisma.raw(columns.map((c) => `json_extract(value, '$.${c}')`).join(", "));
  // WHERE true: SQLite's upsert after INSERT … SELECT needs it to parse ON CONFLICT.
  return Prisma.sql`INSERT INTO ${ident(table)} (${names}) SELECT ${picks}
    FROM json_each(${json}) WHERE true ${tail}`;
}

function statement(
  w: Target,
  table: StoreTable,
  columns: string[],
  rows: readonly object[],
  tail: Prisma.Sql,
): Prisma.Sql {
  return (
    jsonStatement(w.engine, table, columns, rows, tail) ??
    boundStatement(table, columns, rows, tail)
  );
}

/** Inserts the rows; `tail` is the ON CONFLICT clause, if any. */
export async function insertRows(
  w: Target,
  table: StoreTable,
  rows: readonly object[],
  tail: Prisma.Sql = Prisma.empty,
): Promise<void> {
  const columns = columnsOf(table, rows);
  for (const some of chunksFor(rows, columns.length)) {
    await w.tx.$executeRaw(statement(w, table, columns, some, tail));
  }
}

/**
 * Inserts the rows and returns the `returning` columns of each row inserted (a row skipped
 * by ON CONFLICT … DO NOTHING returns nothing). The engines return rows in no promised
 * order: callers match them by a unique key, or by id (see insertRowsReturningIds).
 */
export async function insertRowsReturning<K extends string>(
  w: Target,
  table: StoreTable,
  rows: readonly object[],
  returning: readonly K[],
  conflict: Prisma.Sql = Prisma.empty,
): Promise<Record<K, unknown>[]> {
  const columns = columnsOf(table, rows);
  const out: Record<K, unknown>[] = [];
  const tail = Prisma.sql`${conflict} RETURNING ${Prisma.join(returning.map(ident))}`;
  for (const some of chunksFor(rows, columns.length)) {
    out.push(
      ...(await w.tx.$queryRaw<Record<K, unknown>[]>(statement(w, table, columns, some, tail))),
    );
  }
  return out;
}

/**
 * Inserts rows into a table with an autoincrement "id" and returns their ids in row order.
 * The rows of one statement take their ids in list order on both engines (SQLite's rowid
 * and PostgreSQL's serial are assigned row by row as the list is read), and
 * the ids of later statements are larger, so the ids returned, sorted, are the rows' ids.
 */
export async function insertRowsReturningIds(
  w: Target,
  table: StoreTable,
  rows: readonly object[],
): Promise<number[]> {
  const back = await insertRowsReturning(w, table, rows, ["id"]);
  if (back.length !== rows.length) {
    throw new Error(`${table}: ${rows.length} rows inserted, ${back.length} ids returned`);
  }
  return back.map((r) => Number(r.id)).sort((a, b) => a - b);
}
