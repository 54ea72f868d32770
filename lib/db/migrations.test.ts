import { existsSync, readFileSync, rmSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrate";
import { diffSchemas, openSchemaEngine } from "./schema-engine";
import { derivePostgresSchema, readSchema, snapshotPath } from "./schema-files";

// A schema change without a committed migration (or a hand-edited migration) must fail
// here: the database built from the committed migrations has to equal, object for
// object, the database Prisma's engine builds straight from prisma/schema.prisma.

// Tables whose SQLite migration adds WITHOUT ROWID by hand (Prisma cannot say it): the
// comparison ignores that suffix for them, and a test below insists it is there.
const DELIBERATELY_WITHOUT_ROWID = new Set(["DailyRollup"]);

const dir = mkdtempSync(path.join(os.tmpdir(), "sts-mig-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sqliteObjects(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT type, name, sql FROM sqlite_master
         WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sts_%' ORDER BY type, name`,
      )
      .all()
      .map((r) => {
        const { type, name, sql } = r as { type: string; name: string; sql: string | null };
        const text = (sql ?? "").replace(/\s+/g, " ").trim();
        return `${type} ${name}: ${DELIBERATELY_WITHOUT_ROWID.has(name) ? text.replace(/ WITHOUT ROWID$/, "") : text}`;
      });
  } finally {
    db.close();
  }
}

describe("committed migrations match prisma/schema.prisma", () => {
  it("the derived PostgreSQL schema is up to date (run `npm run db:migration -- <name>`)", () => {
    expect(readSchema("postgresql")).toBe(derivePostgresSchema(readSchema("sqlite")));
  });

  it("both snapshots equal the current schema (a change has no migration yet otherwise)", () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      expect(existsSync(snapshotPath(provider))).toBe(true);
      expect(readFileSync(snapshotPath(provider), "utf8")).toBe(readSchema(provider));
    }
  });

  it("SQLite: migrations build the same tables and indexes as the schema", async () => {
    const fromMigrations = path.join(dir, "migrated.db");
    const applied = await applyMigrations({ provider: "sqlite", url: fromMigrations });
    expect(applied.length).toBeGreaterThan(0);

    const schema = readSchema("sqlite");
    const sql = await diffSchemas(await openSchemaEngine("sqlite", schema), null, schema);
    const fromSchema = path.join(dir, "direct.db");
    const direct = new Database(fromSchema);
    direct.exec(sql);
    direct.close();

    expect(sqliteObjects(fromMigrations)).toEqual(sqliteObjects(fromSchema));

    const db = new Database(fromMigrations, { readonly: true });
    const rollup = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'DailyRollup'`).get() as {
      sql: string;
    };
    // A new file gets 8 KiB pages (migrate.ts: fewer write calls per ingest commit).
    const pageSize = db.pragma("page_size", { simple: true });
    db.close();
    expect(rollup.sql).toMatch(/\) WITHOUT ROWID$/);
    expect(pageSize).toBe(8192);
  });
});
