// The `_smtp._tls.<domain>` TXT record (RFC 8460 §3), spec §9 RPT-TXT-*.

import { hasErrors, type Diagnostic } from "../core/diagnostic";
import { extensionField, splitTxtRecord, type TxtFieldIds } from "../mta-sts/txt-fields";
import { joinTxtStrings } from "../mta-sts/txt-record";
import { splitWspComma } from "../mta-sts/wsp";
import { parseRuaUri, type RuaDestination } from "./rua-uri";

export const TLSRPT_VERSION = "v=TLSRPTv1";

const IDS: TxtFieldIds = {
  version: "RPT-TXT-2",
  delimiter: "RPT-TXT-2",
  prefix: "RPT-TXT-4",
  field: "RPT-TXT-2",
};

/** Invalid rua URIs told one by one; the rest are counted (issue 11: a crafted record
 * must not produce a diagnostic per comma). */
const MAX_BAD_URIS_TOLD = 20;

export interface TlsRptRecord {
  /** Sender verdict: a compliant reporter accepts this record. */
  valid: boolean;
  /** Every destination of every `rua=` field, in order (RPT-TXT-6: merged, as mox does). */
  rua: RuaDestination[];
  extensions: [string, string][];
  diagnostics: Diagnostic[];
}

export interface TlsRptParseOptions {
  /** The Policy Domain, to point out destinations outside it (RPT-TXT-8). */
  policyDomain?: string;
}

/** Parse one `_smtp._tls` record, already joined from its strings (RPT-TXT-5). Never throws. */
export function parseTlsRptRecord(record: string, options: TlsRptParseOptions = {}): TlsRptRecord {
  const split = splitTxtRecord(record, TLSRPT_VERSION, IDS);
  const diagnostics = [...split.diagnostics];
  const rua: RuaDestination[] = [];
  const extensions: [string, string][] = [];
  let ruaCount = 0;
  let badUris = 0;

  for (const { name, value } of split.fields) {
    if (name === "rua") {
      ruaCount += 1;
      // RPT-TXT-2: URIs separated by "," with optional WSP around each comma.
      for (const uri of splitWspComma(value)) {
        const parsed = parseRuaUri(uri);
        if (parsed.ok) rua.push(parsed.value);
        else if (++badUris <= MAX_BAD_URIS_TOLD) {
          diagnostics.push({ id: "RPT-TXT-3", severity: "error", ...parsed.error });
        }
      }
      continue;
    }
    const ext = extensionField(name, value, "RPT-TXT-2", "RFC 8460", "reporters");
    diagnostics.push(ext.diagnostic);
    if (ext.keep) extensions.push([name, value]);
  }

  if (badUris > MAX_BAD_URIS_TOLD) {
    diagnostics.push({
      id: "RPT-TXT-3",
      severity: "error",
      message: `${badUris - MAX_BAD_URIS_TOLD} more rua destinations are invalid too (${badUris} in all).`,
      ref: {
        key: "RPT-TXT-3.moreInvalid",
        params: { count: String(badUris - MAX_BAD_URIS_TOLD), total: String(badUris) },
      },
    });
  }
  if (split.versionMatched && ruaCount === 0) {
    diagnostics.push({
      id: "RPT-TXT-2",
      severity: "error",
      message: `The record has no rua field: add "rua=mailto:tlsrpt@your-domain" so reporters know where to send reports.`,
      ref: { key: "RPT-TXT-2.noRua" },
    });
  }
  if (ruaCount > 1) {
    diagnostics.push({
      id: "RPT-TXT-6",
      severity: "warning",
      message: `The record has ${ruaCount} rua fields: reporters disagree on how to combine them. Merge them into a single rua= with a comma-separated list.`,
      ref: { key: "RPT-TXT-6.severalRua", params: { count: String(ruaCount) } },
    });
  }
  diagnostics.push(...externalDestinations(rua, options.policyDomain));
  diagnostics.push(...rawSemicolons(record));
  return { valid: split.versionMatched && !hasErrors(diagnostics), rua, extensions, diagnostics };
}

const FIELD_START = /^[ \t]*[A-Za-z0-9][A-Za-z0-9._-]*=/;

/**
 * RPT-TXT-3: a ";" inside a rua URI must be written "%3B"; a raw one ends the field, so
 * the rest of the URI is read as a broken field (or, after an https "?", an extension).
 */
function rawSemicolons(record: string): Diagnostic[] {
  const parts = record.split(";");
  const out: Diagnostic[] = [];
  for (let i = 1; i < parts.length - 1; i++) {
    const field = (parts[i] ?? "").trim();
    const next = parts[i + 1] ?? "";
    if (!field.startsWith("rua=") || next.trim() === "") continue;
    const query = /https:[^,]*\?/i.test(field) && !/^[ \t]*rua=/.test(next);
    if (FIELD_START.test(next) && !query) continue;
    const joined = `${field.slice(4)};${next.trim()}`;
    out.push({
      id: "RPT-TXT-3",
      severity: "warning",
      message: `The rua value "${joined}" contains a raw ";", which ends the rua field: write it as %3B ("${joined.replace(";", "%3B")}").`,
      ref: {
        key: "RPT-TXT-3.rawSemicolon",
        params: { value: joined, escaped: joined.replace(";", "%3B") },
      },
    });
  }
  return out;
}

/** RPT-TXT-8: reports may go elsewhere; there is no authorisation record, so just say so. */
function externalDestinations(rua: readonly RuaDestination[], policyDomain?: string): Diagnostic[] {
  if (!policyDomain) return [];
  const domain = policyDomain.toLowerCase().replace(/\.$/, "");
  return rua
    .filter((d) => d.domain !== domain && !d.domain.endsWith(`.${domain}`))
    .map((d) => ({
      id: "RPT-TXT-8",
      severity: "info" as const,
      message: `Reports for ${domain} go to ${d.domain}, outside your domain (${d.uri}); make sure that is intended.`,
      ref: {
        key: "RPT-TXT-8.external",
        params: { domain, destination: d.domain, uri: d.uri },
      },
    }));
}

/** RPT-TXT-4: `v=TLSRPTv1`, optional WSP, then ";" (a record needs at least rua) or the end. */
export const isTlsRptRecordCandidate = (record: string): boolean =>
  /^v=TLSRPTv1[ \t]*(;|$)/.test(record);

export type TlsRptStatus = "absent" | "multiple" | "invalid" | "valid";

export interface TlsRptLookup {
  status: TlsRptStatus;
  record: TlsRptRecord | null;
  tlsRptRecords: string[];
  otherRecords: string[];
  diagnostics: Diagnostic[];
}

/** Record selection for a TXT answer at `_smtp._tls.<d>` (RPT-TXT-4, RPT-TXT-5). */
export function selectTlsRptRecord(
  rrs: readonly (readonly string[])[],
  options: TlsRptParseOptions = {},
): TlsRptLookup {
  const joined = rrs.map(joinTxtStrings);
  const tlsRptRecords = joined.filter(isTlsRptRecordCandidate);
  const otherRecords = joined.filter((r) => !isTlsRptRecordCandidate(r));
  const diagnostics: Diagnostic[] = [];
  for (const near of otherRecords.filter((r) => /v=tlsrpt/i.test(r))) {
    diagnostics.push(...parseTlsRptRecord(near).diagnostics.filter((d) => d.severity === "error"));
  }
  if (tlsRptRecords.length === 0) {
    return { status: "absent", record: null, tlsRptRecords, otherRecords, diagnostics };
  }
  if (tlsRptRecords.length > 1) {
    diagnostics.push({
      id: "RPT-TXT-4",
      severity: "error",
      message: `There are ${tlsRptRecords.length} TLS-RPT records: reporters need exactly one, so no reports will arrive. Delete all but one.`,
      ref: { key: "RPT-TXT-4.severalRecords", params: { count: String(tlsRptRecords.length) } },
    });
    return { status: "multiple", record: null, tlsRptRecords, otherRecords, diagnostics };
  }
  const record = parseTlsRptRecord(tlsRptRecords[0] ?? "", options);
  diagnostics.push(...record.diagnostics);
  const status = record.valid ? "valid" : "invalid";
  return { status, record, tlsRptRecords, otherRecords, diagnostics };
}
