import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/prisma/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/prisma/generated/postgres/client";
import { dbConfigFromEnv, type DbConfig } from "./config";
import { dataDirOf, secureDataDir } from "./file-modes";
import { applyMigrations } from "./migrate";
import { sqliteAdapter } from "./sqlite-adapter";

// The only module that creates a Prisma client. Both generated clients come from the same
// models (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so their
// model APIs are the same shape; the rest of lib/db is typed against the SQLite one.
export type Db = SqliteClient;

interface Holder {
  db?: Db;
  ready?: Promise<Db>;
  config?: DbConfig;
}

const globalHolder = globalThis as unknown as { __stsDb?: Holder };
const holder: Holder = (globalHolder.__stsDb ??= {});

/** The engine each client was created for, from its configuration (never probed). Kept on
 * globalThis like the holder: the server bundles this module into more than one chunk,
 * and a client made in one (instrumentation) is used from another (a route). */
const globalEngines = globalThis as unknown as {
  __stsDbEngines?: WeakMap<Db, DbConfig["provider"]>;
};
const engines = (globalEngines.__stsDbEngines ??= new WeakMap<Db, DbConfig["provider"]>());

export function createDb(config: DbConfig): Db {
  const db =
    config.provider === "sqlite"
      ? new SqliteClient({ adapter: sqliteAdapter(config.url, config.sqliteSync) })
      : (new PgClient({
          adapter: new PrismaPg({ connectionString: config.url }),
        }) as unknown as Db);
  engines.set(db, config.provider);
  return db;
}

/** The engine of a client made by createDb: for the few statements whose SQL differs. */
export function engineOf(db: Db): DbConfig["provider"] {
  const engine = engines.get(db);
  if (!engine) throw new Error("engineOf: the client was not made by createDb");
  return engine;
}

/** The process-wide client, migrated on first use (the app creates its database on start). */
export function getDb(): Promise<Db> {
  holder.ready ??= (async () => {
    const config = dbConfigFromEnv();
    await applyMigrations(config);
    // Issue 11: data/ 0700 and its files 0600, also when an older start left them looser.
    secureDataDir(dataDirOf(process.cwd()));
    holder.config = config;
    holder.db = createDb(config);
    return holder.db;
  })().catch((e: unknown) => {
    holder.ready = undefined;
    throw e;
  });
  return holder.ready;
}

export function dbProvider(): DbConfig["provider"] {
  return (holder.config ?? dbConfigFromEnv()).provider;
}
