import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// One mutation pattern (issue 13 §2): every change goes through a route handler under
// app/api, wrapped in withUser/withDomain (app/api/route-guards.test.ts) and called from
// the browser through the hooks in lib/query. A "use server" file would bring back a second
// pattern, and one whose guard (session, role, same-site) nobody checks: this test fails
// for any file in app/, components/ or lib/ that declares server actions.

const ROOTS = ["app", "components", "lib"];
const USE_SERVER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
// An inline action: `"use server"` as the first statement of a function body.
const INLINE_USE_SERVER = /[{;]\s*["']use server["']\s*;?/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(?:ts|tsx|js|jsx|mjs)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

export function declaresServerActions(src: string): boolean {
  return USE_SERVER.test(src) || INLINE_USE_SERVER.test(src);
}

describe("no server actions", () => {
  const files = ROOTS.flatMap((r) => sourceFiles(path.resolve(r)));

  it("reads the app's source files", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map((f) => path.relative(process.cwd(), f))).toContain("lib/http/handler.ts");
  });

  it("no file declares a server action", () => {
    const offenders = files
      .filter((f) => declaresServerActions(readFileSync(f, "utf8")))
      .map((f) => path.relative(process.cwd(), f));
    expect(offenders).toEqual([]);
  });

  it("recognises a module-level and an inline server action, and leaves other strings alone", () => {
    expect(declaresServerActions(`"use server";\nexport async function a() {}`)).toBe(true);
    expect(declaresServerActions(`// why\n'use server'\nexport const b = 1;`)).toBe(true);
    expect(declaresServerActions(`export async function a() {\n  "use server";\n}`)).toBe(true);
    expect(declaresServerActions(`"use client";\nexport function C() {}`)).toBe(false);
    expect(declaresServerActions(`const s = "no use server here";`)).toBe(false);
  });
});
