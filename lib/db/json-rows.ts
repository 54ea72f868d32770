import { Prisma } from "@/prisma/generated/sqlite/client";
import { dbProvider, type Db } from "./client";

// Many rows as one JSON value (issue 13). Prisma maps every value of a raw result one by
// one, which for the domain list's 1,000 rows × 20 columns cost more than the query
// itself (bench:domains); one JSON text per query is parsed by JSON.parse instead. One
// function per dialect (STYLE.md): SQLite's json_group_array/json_object, PostgreSQL's
// json_agg. Values come back as JSON gives them: dates as text (SQLite with an offset,
// PostgreSQL without: UTC), booleans as 0/1 (SQLite) or true/false (PostgreSQL).

/**
 * Runs `inner` (its columns named in `columns`) and returns its rows ordered by `orderBy`
 * (one of the columns), as PostgreSQL orders them or, on SQLite, numbers by value and text
 * by binary comparison (SQLite's own order for text).
 */
export async function queryJsonRows<T extends object>(
  db: Db,
  inner: Prisma.Sql,
  columns: readonly (keyof T & string)[],
  orderBy: keyof T & string,
): Promise<T[]> {
  const col = (c: string) => `x."${c.replace(/"/g, "")}"`;
  const sql =
    dbProvider() === "postgresql"
      ? Prisma.sql`SELECT COALESCE(json_agg(x ORDER BY ${Prisma.raw(col(orderBy))}), '[]'::json)::text AS "rows"
          FROM (${inner}) x`
      : Prisma.sql`SELECT json_group_array(json_object(${Prisma.raw(
          columns.map((c) => `'${c.replace(/'/g, "")}', ${col(c)}`).join(", "),
        )})) AS "rows" FROM (${inner}) x`;
  const [row] = await db.$queryRaw<{ rows: string | null }[]>(sql);
  const rows = JSON.parse(row?.rows ?? "[]") as T[];
  if (dbProvider() === "postgresql") return rows;
  const key = (r: T): unknown => r[orderBy];
  return rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  });
}

/** A date from a JSON row: text with an offset, or PostgreSQL's UTC text without one. */
export function jsonDate(v: unknown): Date | null {
  if (v instanceof Date) return v;
  if (typeof v !== "string" || v === "") return null;
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(v) ? v : `${v}Z`);
}
