import type { IngestStatus } from "./ingest";

export interface FileOutcome {
  status: IngestStatus;
  httpStatus: number;
}

export interface Summary {
  files: number;
  stored: number;
  duplicates: number;
  conflicts: number;
  unmanaged: number;
  noReport: number;
  rejected: number;
  /** e.g. "12 files: 9 stored, 2 duplicates, 1 rejected". */
  line: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Counts per outcome over a batch of files (CLI and upload). */
export function summarize(outcomes: readonly FileOutcome[]): Summary {
  const n = (f: (o: FileOutcome) => boolean) => outcomes.filter(f).length;
  const s = {
    files: outcomes.length,
    stored: n((o) => o.status === "stored"),
    duplicates: n((o) => o.status === "duplicate"),
    conflicts: n((o) => o.status === "conflict"),
    unmanaged: n((o) => o.status === "no-report" && o.httpStatus === 202),
    noReport: n((o) => o.status === "no-report" && o.httpStatus !== 202),
    rejected: n((o) => o.status === "rejected"),
  };
  const parts = [`${s.stored} stored`, plural(s.duplicates, "duplicate"), `${s.rejected} rejected`];
  if (s.conflicts) parts.push(plural(s.conflicts, "conflict"));
  if (s.unmanaged) parts.push(`${s.unmanaged} for unmanaged domains`);
  if (s.noReport) parts.push(`${s.noReport} without a report`);
  return { ...s, line: `${plural(s.files, "file")}: ${parts.join(", ")}` };
}
