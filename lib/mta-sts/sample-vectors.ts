// Test helper: locate the shared sample corpus and read its TXT vector lists. Tests read
// the files in place (`STS_SAMPLES_DIR` overrides the location); nothing is copied.
import { readFileSync } from "node:fs";
import path from "node:path";

export const samplesDir = (): string =>
  process.env.STS_SAMPLES_DIR ?? path.resolve(process.cwd(), "../shared/samples");

export interface TxtVector {
  expected: string;
  record: string;
  source: string;
}

/** Vector lists are EXPECTED<TAB>record<TAB>source, and records may contain tabs. */
export function readVectors(file: string): TxtVector[] {
  return readFileSync(path.join(samplesDir(), "policies", file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const parts = line.split("\t");
      return {
        expected: parts[0] ?? "",
        record: parts.slice(1, -1).join("\t"),
        source: parts[parts.length - 1] ?? "",
      };
    });
}
