// Test helper: read a TXT record vector list, one vector a line, EXPECTED<TAB>record<TAB>
// source (records may contain tabs; blank lines and lines starting with "#" are skipped).
// The project's own lists are in lib/mta-sts/fixtures; the real-sample corpus has two more.
import { readFileSync } from "node:fs";

export interface TxtVector {
  expected: string;
  record: string;
  source: string;
}

export function readVectors(file: string): TxtVector[] {
  return readFileSync(file, "utf8")
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
