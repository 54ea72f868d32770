// Test helpers: the project's own report fixtures (lib/tlsrpt/fixtures), written for this
// project with invented organisations and documentation domains and addresses. The table
// in fixtures.test.ts says which reader quirk each one exercises.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readAny } from "./read-any";

export const FIXTURES_DIR = fileURLToPath(new URL("./fixtures", import.meta.url));

export interface Fixture {
  name: string;
  bytes: Buffer;
}

export function reportFixtures(filter: (name: string) => boolean = () => true): Fixture[] {
  // Files only: quirks/ holds issue 15's reporter-quirk fixtures (quirk-fixtures.test-utils.ts).
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .filter((name) => name !== "README.md" && !name.endsWith(".tsv") && filter(name))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(FIXTURES_DIR, name)) }));
}

export const isJsonFile = (n: string) => n.endsWith(".json") || n.endsWith(".json.gz");
export const isEmlFile = (n: string) => n.endsWith(".eml");

/** Every policy domain a set of report files names: a test installation manages them all. */
export async function domainsIn(files: readonly Fixture[]): Promise<string[]> {
  const out = new Set<string>();
  for (const f of files) {
    const r = await readAny(f.bytes, { filename: f.name });
    if (!r.ok) continue;
    for (const rep of r.value.reports)
      for (const p of rep.policies) if (p.policyDomain) out.add(p.policyDomain);
  }
  return [...out].sort();
}
