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

// Strings that JSON.stringify would escape: '"', '\\', control characters, lone surrogates.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string quoted like JSON.stringify; `plain` says the source had no escapes at all. */
function str(s: string | null, plain: boolean): string {
  if (s === null) return "null";
  return plain || !NEEDS_ESCAPE.test(s) ? `"${s}"` : JSON.stringify(s);
}

/** An array of strings exactly as JSON.stringify writes it; `plain` as for canonicalContent
 * (the report's hashBasis.plain). Also how ingestion stores policy strings and MX hosts. */
export function jsonStringList(xs: readonly string[], plain: boolean): string {
  if (xs.length === 0) return "[]";
  if (plain) return `["${xs.join('","')}"]`;
  let out = "[";
  for (let i = 0; i < xs.length; i++) out += (i > 0 ? "," : "") + str(xs[i] as string, false);
  return `${out}]`;
}

/**
 * The canonical JSON of the normalized content, written positionally: arrays in a fixed
 * order, no key names, no whitespace. Built by hand (one string, appended to) because
 * JSON.stringify on Node 20's V8 is several times slower here (bench/parse.ts); it is
 * byte-for-byte what JSON.stringify gives for the same arrays (see read-report.test.ts).
 * Derived fields (bucket) are left out: they follow from the values that are in.
 */
export function canonicalContent(c: HashableContent, plain = false): string {
  let out = `[${str(c.organizationName, plain)},${str(c.contactInfo, plain)},${str(c.reportId, plain)},${c.startDatetime.getTime()},${c.endDatetime.getTime()},[`;
  for (let i = 0; i < c.policies.length; i++) {
    const p = c.policies[i] as NormalizedPolicy;
    out += `${i === 0 ? "" : ","}[${str(p.policyType, plain)},${str(p.policyDomain, plain)},${jsonStringList(p.policyStrings, plain)},${jsonStringList(p.mxHosts, plain)},${p.totalSuccessfulSessionCount},${p.totalFailureSessionCount},[`;
    for (let j = 0; j < p.failureDetails.length; j++) {
      const d = p.failureDetails[j] as NormalizedPolicy["failureDetails"][number];
      out += `${j === 0 ? "" : ","}[${str(d.resultType, plain)},${str(d.sendingMtaIp, plain)},${str(d.receivingMxHostname, plain)},${str(d.receivingMxHelo, plain)},${str(d.receivingIp, plain)},${d.failedSessionCount},${str(d.additionalInformation, plain)},${str(d.failureReasonCode, plain)}]`;
    }
    out += "]]";
  }
  return `${out}]]`;
}

/**
 * sha256 hex of canonicalContent: whitespace, key order and tolerated quirks of the original
 * body do not change it; any value does (RPT-ING-5, TV-JSON-7/8). `plain` is a speed hint:
 * when the JSON text held no backslash, no parsed string can need escaping (JSON forbids raw
 * '"' and control characters in strings, and the text was valid UTF-8), and normalizing
 * only lowercases, trims and punycodes, so every string can be quoted as is.
 */
export function contentHash(c: HashableContent, plain = false): string {
  return hash("sha256", canonicalContent(c, plain), "hex");
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
  if (storedHash === computeContentHash(incoming)) return { verdict: "identical" };
  return {
    verdict: "conflict",
    warning: {
      id: "RPT-ING-5",
      severity: "warning",
      message: `report-id "${incoming.reportId}" from ${incoming.submitterDomain ?? incoming.organizationName} arrived again with different content; both copies kept`,
    },
  };
}

/** RPT-ING-5: the content hash of a normalized report, computed when it is stored rather
 * than while reading (the reader's hot path stays near the gunzip + JSON.parse floor). */
export function computeContentHash(r: NormalizedReport): string {
  const b = r.hashBasis;
  if (b.hash !== null) return b.hash;
  // A Set, not includes() per policy: up to MAX_POLICIES entries may be hinted (issue 11).
  const hinted = b.hintedPolicies === null ? null : new Set(b.hintedPolicies);
  const policies =
    hinted === null
      ? r.policies
      : r.policies.map((p, i) => (hinted.has(i) ? { ...p, policyDomain: null } : p));
  b.hash = contentHash(
    {
      organizationName: b.organizationName,
      contactInfo: r.contactInfo,
      reportId: r.reportIdSynthesized ? null : r.reportId,
      startDatetime: r.startDatetime,
      endDatetime: r.endDatetime,
      policies,
    },
    b.plain,
  );
  return b.hash;
}
