import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { DbProvider } from "./config";

// Prisma's schema engine compiled to wasm: the only migration engine that works without
// downloading a native binary. Node 20 cannot `import` a .wasm file, so the bytes are
// instantiated by hand and handed to the package's bindgen glue (stack notes).

type Bindgen = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let glue: Promise<Bindgen> | undefined;

function loadGlue(): Promise<Bindgen> {
  glue ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as Bindgen;
    const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return glue;
}

/**
 * An engine for one provider. SQLite needs no server (an in-memory database stands in);
 * PostgreSQL needs a reachable server URL even for schema-to-schema diffs.
 */
export async function openSchemaEngine(
  provider: DbProvider,
  schema: string,
  pgUrl?: string,
): Promise<SchemaEngine> {
  const bg = await loadGlue();
  const factory =
    provider === "sqlite"
      ? new PrismaBetterSqlite3({ url: ":memory:" })
      : new PrismaPg({ connectionString: requireUrl(pgUrl) });
  return bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error("a PostgreSQL server URL is needed to diff PostgreSQL schemas");
  return url;
}

/** SQL that takes a database from schema `from` (or nothing) to schema `to`. */
export async function diffSchemas(
  engine: SchemaEngine,
  from: string | null,
  to: string,
): Promise<string> {
  const file = (content: string) => ({ files: [{ path: "schema.prisma", content }] });
  const result = await engine.diff({
    from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", ...file(from) },
    to: { tag: "schemaDatamodel", ...file(to) },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}

/** True when a diff script contains no statements (only comments or whitespace). */
export function isEmptyDiff(sql: string): boolean {
  return sql
    .split("\n")
    .map((l) => l.trim())
    .every((l) => l === "" || l.startsWith("--"));
}
