import { readFileSync } from "node:fs";
import path from "node:path";
import type { DbProvider } from "./config";

// prisma/schema.prisma (SQLite) is the source of truth; the PostgreSQL schema is derived.

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

export function derivePostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "./generated/sqlite"', 'output       = "../generated/postgres"')
    .replace(
      /^\/\/ Source of truth[^\n]*\n\/\/[^\n]*\n/m,
      "// GENERATED from prisma/schema.prisma by `npm run db:migration`. Do not edit.\n",
    );
  if (!out.includes('provider = "postgresql"') || !out.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the expected datasource/generator lines");
  }
  return out;
}

export function readSchema(provider: DbProvider, root = process.cwd()): string {
  return readFileSync(
    path.join(root, provider === "sqlite" ? SQLITE_SCHEMA : POSTGRES_SCHEMA),
    "utf8",
  );
}

/** The schema as of the last committed migration, kept beside the migrations. */
export function snapshotPath(provider: DbProvider, root = process.cwd()): string {
  return path.join(root, "prisma", "migrations", provider, "schema.snapshot.prisma");
}
