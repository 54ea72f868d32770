// Test helpers: the shared sample corpus (../shared/samples/tlsrpt), read at test time and
// never copied into the repository.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readAny } from "@/lib/tlsrpt/read-any";

export const SAMPLES_DIR = path.join(
  process.env.STS_SAMPLES_DIR ?? path.resolve(process.cwd(), "../shared/samples"),
  "tlsrpt",
);

export interface Sample {
  name: string;
  bytes: Buffer;
}

export function samples(filter: (name: string) => boolean): Sample[] {
  return readdirSync(SAMPLES_DIR)
    .filter(filter)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(SAMPLES_DIR, name)) }));
}

export const isJsonSample = (n: string) => n.endsWith(".json") || n.endsWith(".json.gz");
export const isEmlSample = (n: string) => n.endsWith(".eml");

/** Every policy domain the samples name: a test installation manages all of them. */
export async function sampleDomains(): Promise<string[]> {
  const out = new Set<string>();
  for (const s of samples(() => true)) {
    const r = await readAny(s.bytes, { filename: s.name });
    if (!r.ok) continue;
    for (const rep of r.value.reports)
      for (const p of rep.policies) if (p.policyDomain) out.add(p.policyDomain);
  }
  return [...out].sort();
}
