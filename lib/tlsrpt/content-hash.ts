// RPT-ING-5 dedupe: the key is (submitter || organization, report-id); on a key match the
// content hash decides between "same report delivered twice" and "conflicting report".
import { hash } from "node:crypto";
import type { Diagnostic } from "../core/diagnostic";
import type { NormalizedPolicy, NormalizedReport } from "./types";

export interface HashableContent {
  organizationName: string;
  contactInfo: string | null;
  /** null when the report had none (the synthesised id derives from this hash). */
  reportId: string | null;
  startDatetime: Date;
  endDatetime: Date;
  policies: NormalizedPolicy[];
}

/**
 * sha256 hex of the canonical JSON of the normalized content. The normalizers build every
 * object with a fixed key order, so JSON.stringify is canonical: whitespace, key order and
 * the tolerated quirks of the original body do not change the hash; any value does.
 */
export function contentHash(c: HashableContent): string {
  const canonical = JSON.stringify([
    c.organizationName,
    c.contactInfo,
    c.reportId,
    c.startDatetime.toISOString(),
    c.endDatetime.toISOString(),
    c.policies,
  ]);
  return hash("sha256", canonical, "hex");
}

/** The dedupe key ingestion stores reports under (RPT-ING-5). */
export function dedupeKey(
  r: Pick<NormalizedReport, "submitterDomain" | "organizationName" | "reportId">,
): string {
  return `${r.submitterDomain ?? r.organizationName}\u0000${r.reportId}`;
}

export type DuplicateVerdict =
  { verdict: "identical" } | { verdict: "conflict"; warning: Diagnostic };

/**
 * For a report whose dedupe key is already stored: identical → keep one copy (answer an
 * https retry with 200, TV-JSON-7); different → keep both and flag it (TV-JSON-8).
 */
export function compareDuplicate(storedHash: string, incoming: NormalizedReport): DuplicateVerdict {
  if (storedHash === incoming.contentHash) return { verdict: "identical" };
  return {
    verdict: "conflict",
    warning: {
      id: "RPT-ING-5",
      severity: "warning",
      message: `report-id "${incoming.reportId}" from ${incoming.submitterDomain ?? incoming.organizationName} arrived again with different content; both copies kept`,
    },
  };
}
