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

/** Appends JSON text pieces; one join at the end makes a single flat string (concatenating
 * builds a rope of ~100 nodes that hashing must flatten again). */
class Canon {
  readonly parts: string[] = [];
  constructor(private readonly plain: boolean) {}

  /** A string quoted like JSON.stringify; `plain` says the source had no escapes at all. */
  str(s: string | null): void {
    if (s === null) this.parts.push("null");
    else if (this.plain || !NEEDS_ESCAPE.test(s)) this.parts.push('"', s, '"');
    else this.parts.push(JSON.stringify(s));
  }

  list(xs: readonly string[]): void {
    if (this.plain) {
      // One native call for the whole array: no element needs escaping.
      this.parts.push(JSON.stringify(xs));
      return;
    }
    this.parts.push("[");
    for (let i = 0; i < xs.length; i++) {
      if (i > 0) this.parts.push(",");
      this.str(xs[i] as string);
    }
    this.parts.push("]");
  }

  raw(s: string): void {
    this.parts.push(s);
  }
}

/**
 * The canonical JSON of the normalized content, written positionally: arrays in a fixed
 * order, no key names, no whitespace. Built by hand because JSON.stringify on Node 20's V8
 * is several times slower here (bench/parse.ts); it is byte-for-byte what JSON.stringify
 * gives for the same arrays (see read-report.test.ts). Derived fields (bucket) are left
 * out: they follow from the values that are in.
 */
export function canonicalContent(c: HashableContent, plain = false): string {
  const w = new Canon(plain);
  w.raw("[");
  w.str(c.organizationName);
  w.raw(",");
  w.str(c.contactInfo);
  w.raw(",");
  w.str(c.reportId);
  w.raw(`,${c.startDatetime.getTime()},${c.endDatetime.getTime()},[`);
  for (let i = 0; i < c.policies.length; i++) {
    const p = c.policies[i] as NormalizedPolicy;
    w.raw(i === 0 ? "[" : ",[");
    w.str(p.policyType);
    w.raw(",");
    w.str(p.policyDomain);
    w.raw(",");
    w.list(p.policyStrings);
    w.raw(",");
    w.list(p.mxHosts);
    w.raw(`,${p.totalSuccessfulSessionCount},${p.totalFailureSessionCount},[`);
    for (let j = 0; j < p.failureDetails.length; j++) {
      const d = p.failureDetails[j] as NormalizedPolicy["failureDetails"][number];
      w.raw(j === 0 ? "[" : ",[");
      w.str(d.resultType);
      w.raw(",");
      w.str(d.sendingMtaIp);
      w.raw(",");
      w.str(d.receivingMxHostname);
      w.raw(",");
      w.str(d.receivingMxHelo);
      w.raw(",");
      w.str(d.receivingIp);
      w.raw(`,${d.failedSessionCount},`);
      w.str(d.additionalInformation);
      w.raw(",");
      w.str(d.failureReasonCode);
      w.raw("]");
    }
    w.raw("]]");
  }
  w.raw("]]");
  return w.parts.join("");
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
  const hinted = b.hintedPolicies;
  const policies =
    hinted === null
      ? r.policies
      : r.policies.map((p, i) => (hinted.includes(i) ? { ...p, policyDomain: null } : p));
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
