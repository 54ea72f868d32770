// Creates a new migration for both engines from a change to prisma/schema.prisma:
//   npm run db:migration -- <name>
// The PostgreSQL half needs a server; the npm script runs this under a throw-away one.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { DbProvider } from "../../lib/db/config";
import { diffSchemas, isEmptyDiff, openSchemaEngine } from "../../lib/db/schema-engine";
import {
  derivePostgresSchema,
  POSTGRES_SCHEMA,
  SQLITE_SCHEMA,
  snapshotPath,
} from "../../lib/db/schema-files";
import { migrationsDir } from "../../lib/db/migrate";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
const postgres = derivePostgresSchema(sqlite);
mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
writeFileSync(POSTGRES_SCHEMA, postgres);

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const schemas: Record<DbProvider, string> = { sqlite, postgresql: postgres };
let created = 0;
for (const provider of ["sqlite", "postgresql"] as const) {
  const snap = snapshotPath(provider);
  const previous = existsSync(snap) ? readFileSync(snap, "utf8") : null;
  const engine = await openSchemaEngine(provider, schemas[provider], process.env.DATABASE_URL);
  const sql = await diffSchemas(engine, previous, schemas[provider]);
  if (isEmptyDiff(sql)) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const dir = path.join(migrationsDir(provider), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  writeFileSync(snap, schemas[provider]);
  console.log(`${provider}: created ${path.relative(process.cwd(), dir)}/migration.sql`);
  created++;
}
if (created === 0) console.log("schema unchanged: no migration created");
