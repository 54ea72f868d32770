import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Issue 13.4: a layer violation fails lint. Each case lints one line, as if it were in the
// named file, through the project's own eslint.config.mjs (the files need not exist).
const RULE = "@typescript-eslint/no-restricted-imports";
const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, line: string): Promise<string[]> {
  const code = `${line}\nexport const used = [x];\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const DB_IN_DOMAIN =
  "Domain code takes plain values: the caller loads them through lib/db and passes them in.";
const FRAMEWORK =
  "Domain code and lib/db import nothing from Next or React (ARCHITECTURE.md rule 1).";
const PRISMA =
  "Only lib/db talks to the database: import a lib/db use case, not the Prisma client.";
const DB_IN_COMPONENT =
  "Components don't query the database: the page loads the data and passes it down.";

/** ESLint's full message for a restricted import: what a developer sees. */
function expected(line: string, message: string): string {
  const source = /from "([^"]+)"/.exec(line)?.[1] ?? "";
  return `'${source}' import is restricted from being used by a pattern. ${message}`;
}

describe("layer rules (ARCHITECTURE.md)", () => {
  it.each([
    ["lib/checker/probe.ts", 'import { getDb as x } from "@/lib/db/client";', DB_IN_DOMAIN],
    [
      "lib/readiness/verdict.ts",
      'import { x } from "../db/readiness/get-readiness";',
      DB_IN_DOMAIN,
    ],
    ["lib/mta-sts/policy.ts", 'import { NextResponse as x } from "next/server";', FRAMEWORK],
    ["lib/tlsrpt/reader.ts", 'import { useState as x } from "react";', FRAMEWORK],
    ["lib/stats/series.ts", 'import { PrismaClient as x } from "@prisma/client";', PRISMA],
    ["lib/ingest/ingest.ts", 'import { headers as x } from "next/headers";', FRAMEWORK],
    ["lib/db/users/users.ts", 'import { cache as x } from "react";', FRAMEWORK],
    [
      "components/domains/list.tsx",
      'import { getDb as x } from "@/lib/db/client";',
      DB_IN_COMPONENT,
    ],
    [
      "app/api/domains/route.ts",
      'import { PrismaClient as x } from "@/prisma/generated/sqlite/client";',
      PRISMA,
    ],
    ["scripts/tool.ts", 'import { x } from "../prisma/generated/postgres/client";', PRISMA],
  ])("%s: `%s` fails lint", async (file, line, message) => {
    const errors = await layerErrors(file, line);
    expect(errors).toEqual([expected(line, message)]);
  });

  it.each([
    ["lib/db/client.ts", 'import { PrismaClient as x } from "@/prisma/generated/sqlite/client";'],
    ["lib/ingest/ingest.ts", 'import { getDb as x } from "@/lib/db/client";'],
    ["lib/http/handler.ts", 'import { NextResponse as x } from "next/server";'],
    [
      "components/domains/list.tsx",
      'import type { DomainRecord as x } from "@/lib/db/domains/domains";',
    ],
    ["app/(dashboard)/page.tsx", 'import { getDb as x } from "@/lib/db/client";'],
    ["lib/checker/probe.ts", 'import { x } from "@/lib/dns/resolver";'],
  ])("%s: `%s` is allowed", async (file, line) => {
    expect(await layerErrors(file, line)).toEqual([]);
  });
});
