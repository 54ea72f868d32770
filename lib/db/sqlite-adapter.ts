import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS, type SqliteSync } from "./config";

// The SQLite driver adapter for Prisma, made safe for a second process writing to the same
// file (the CLI, a seeding script; issue 13), with the commit's sync chosen by
// STS_SQLITE_SYNC (lib/config/database.ts: "full" unless set to "normal"). Two things:
// - Every connection waits up to SQLITE_BUSY_TIMEOUT_MS for the write lock.
// - Every transaction begins IMMEDIATE, taking the write lock at BEGIN. The adapter begins
//   DEFERRED, and a deferred transaction that has read cannot wait for the lock: SQLite
//   answers SQLITE_BUSY at once (waiting could deadlock), or SQLITE_BUSY_SNAPSHOT when
//   another process wrote since its read; Prisma calls both P1008 "Operation has timed out".
//   Within one process the adapter already runs one transaction at a time, and WAL readers
//   never wait for a writer, so beginning IMMEDIATE costs nothing there.

interface AdapterInternals {
  client?: unknown;
}

/** The adapter's BEGIN (its only one, in startTransaction) becomes BEGIN IMMEDIATE, and the
 * connection syncs as `sync` says. */
function prepared(adapter: SqlDriverAdapter, sync: SqliteSync): SqlDriverAdapter {
  const client = (adapter as unknown as AdapterInternals).client;
  // The adapter keeps its better-sqlite3 connection as `client`: if an upgrade changes that,
  // fail at connect (and in lib/db/sqlite-busy.test.ts), never silently begin DEFERRED again.
  if (!(client instanceof Database)) {
    throw new Error("sqlite-adapter: the Prisma adapter no longer exposes its connection");
  }
  client.pragma(`synchronous = ${sync === "full" ? "FULL" : "NORMAL"}`);
  const prepare = client.prepare.bind(client);
  const immediate: typeof client.prepare = (sql: string) =>
    prepare(sql.trim().toUpperCase() === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
  client.prepare = immediate;
  return adapter;
}

/** The adapter factory for an SQLite file (an absolute path). */
export function sqliteAdapter(
  file: string,
  sync: SqliteSync = "full",
): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => prepared(await inner.connect(), sync),
    connectToShadowDb: async () => prepared(await inner.connectToShadowDb(), sync),
  };
}
