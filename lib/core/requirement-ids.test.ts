// Requirement ids cited anywhere in the code resolve inside the repository: each has its
// line in docs/requirements.md (issue 13 §8). Scans source, tests, scripts and e2e specs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const DIRS = ["app", "lib", "components", "scripts", "e2e", "bench", "prisma"];
const ROOT_FILES = ["proxy.ts", "instrumentation.ts"];
const SOURCE = /\.(ts|tsx|mjs|sh|prisma)$/;
const SKIP = new Set(["node_modules", "generated", "fixtures"]);
// The id families of the spec (§0.1) plus the checker's own (lib/checker/ids.md) and the
// watch's alert kinds (issue 14).
const ID =
  /\b(?:(?:STS-(?:TXT|POL|FETCH|OPS|MX)|TLS|DANE|RPT-(?:TXT|JSON|QUIRK|DELIV|ING)|CHK(?:-[A-Z]+)?|READY|TV-[A-Z]+)-\d+|WATCH-(?:CERT|SILENCE|FAILURES))\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : sourceFiles(f);
    return SOURCE.test(e.name) ? [f] : [];
  });
}

function citedIds(): Map<string, string> {
  const files = [
    ...DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))),
    ...ROOT_FILES.map((f) => path.join(ROOT, f)),
  ];
  const where = new Map<string, string>();
  for (const f of files)
    for (const m of readFileSync(f, "utf8").matchAll(ID))
      if (!where.has(m[0])) where.set(m[0], path.relative(ROOT, f));
  return where;
}

const doc = readFileSync(path.join(ROOT, "docs/requirements.md"), "utf8");
const documented = [...doc.matchAll(/^- \*\*([A-Z0-9-]+)\*\* \S/gm)].map((m) => m[1] ?? "");

describe("docs/requirements.md", () => {
  it("gives each id one line, once", () => {
    expect(documented.length).toBeGreaterThan(200);
    expect(documented.filter((id, i) => documented.indexOf(id) !== i)).toEqual([]);
    expect(documented.filter((id) => !id.match(ID))).toEqual([]);
  });

  it("has a line for every requirement id the code cites", () => {
    const cited = citedIds();
    expect(cited.size).toBeGreaterThan(150);
    const known = new Set(documented);
    const missing = [...cited].filter(([id]) => !known.has(id)).map(([id, f]) => `${id} (${f})`);
    expect(missing).toEqual([]);
  });
});
