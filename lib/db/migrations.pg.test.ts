import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSchemas, openSchemaEngine } from "./schema-engine";
import { readSchema } from "./schema-files";
import { openTestDb, type TestDb } from "./db.test-utils";

// PostgreSQL half of migrations.test.ts (runs under `npm run test:pg` only): the database
// built from the committed migrations equals the one built straight from the schema.

let migrated: TestDb;
let direct: TestDb;
beforeAll(async () => {
  migrated = await openTestDb();
  direct = await openTestDb({ migrate: false });
});
afterAll(async () => {
  await migrated.close();
  await direct.close();
});

async function describeDb(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const cols = await c.query<{ d: string }>(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable
              || ' default=' || coalesce(column_default, '') AS d
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sts\\_%'
        ORDER BY 1`,
    );
    const idx = await c.query<{ d: string }>(
      `SELECT indexdef AS d FROM pg_indexes
        WHERE schemaname = 'public' AND tablename NOT LIKE '\\_sts\\_%' ORDER BY 1`,
    );
    return [...cols.rows, ...idx.rows].map((r) => r.d);
  } finally {
    await c.end();
  }
}

describe("committed PostgreSQL migrations match prisma/postgres/schema.prisma", () => {
  it("builds the same columns and indexes", async () => {
    expect(migrated.config.provider).toBe("postgresql");
    const schema = readSchema("postgresql");
    // The engine only needs a server to talk to; give it the server's own database.
    const engine = await openSchemaEngine("postgresql", schema, process.env.DATABASE_URL);
    const sql = await diffSchemas(engine, null, schema);
    const c = new pg.Client({ connectionString: direct.config.url });
    await c.connect();
    await c.query(sql);
    await c.end();
    const want = await describeDb(direct.config.url);
    expect(want.length).toBeGreaterThan(10);
    expect(await describeDb(migrated.config.url)).toEqual(want);
  });
});
