// The `_mta-sts.<domain>` TXT record (RFC 8461 §3.1), spec §2 STS-TXT-*.

import { hasErrors, type Diagnostic } from "../core/diagnostic";
import { extensionField, splitTxtRecord, type TxtFieldIds } from "./txt-fields";

export const STS_VERSION = "v=STSv1";
/** STS-TXT-4: 1 to 32 ASCII letters or digits. */
export const STS_ID_RE = /^[A-Za-z0-9]{1,32}$/;

const IDS: TxtFieldIds = {
  version: "STS-TXT-3",
  delimiter: "STS-TXT-5",
  prefix: "STS-TXT-6",
  field: "STS-TXT-11",
};

export interface StsTxtRecord {
  /** Sender verdict: a compliant sender accepts this record (warnings and infos allowed). */
  valid: boolean;
  /** The id that counts (the first one, STS-TXT-12); null when missing or malformed. */
  id: string | null;
  /** Well-formed extension fields, in order; senders ignore them. */
  extensions: [string, string][];
  diagnostics: Diagnostic[];
}

/** Parse one `_mta-sts` record, already joined from its strings (STS-TXT-9). Never throws. */
export function parseStsTxtRecord(record: string): StsTxtRecord {
  const split = splitTxtRecord(record, STS_VERSION, IDS);
  const diagnostics = [...split.diagnostics];
  const extensions: [string, string][] = [];
  let id: string | null = null;
  let idCount = 0;

  for (const { name, value } of split.fields) {
    if (name === "id") {
      idCount += 1;
      if (!STS_ID_RE.test(value)) {
        diagnostics.push({
          id: "STS-TXT-4",
          severity: "error",
          message: `The id "${value}" is invalid: use 1 to 32 letters and digits only, for example a UTC timestamp like 20250301T120000Z.`,
          ref: { key: "STS-TXT-4.badId", params: { value } },
        });
      } else if (idCount === 1) {
        id = value;
      }
      continue;
    }
    const ext = extensionField(name, value, "STS-TXT-11", "RFC 8461", "senders");
    diagnostics.push(ext.diagnostic);
    if (ext.keep) extensions.push([name, value]);
  }

  if (split.versionMatched && idCount === 0) {
    diagnostics.push({
      id: "STS-TXT-4",
      severity: "error",
      message: `The record has no id: add "id=" followed by 1 to 32 letters and digits.`,
      ref: { key: "STS-TXT-4.noId" },
    });
  }
  if (idCount > 1) {
    diagnostics.push({
      id: "STS-TXT-12",
      severity: "warning",
      message: `The record has ${idCount} id fields: keep one. Senders disagree on which one they use, and some validators reject the record.`,
      ref: { key: "STS-TXT-12.severalIds", params: { count: String(idCount) } },
    });
  }
  const valid = split.versionMatched && !hasErrors(diagnostics);
  return { valid, id: valid ? id : null, extensions, diagnostics };
}

/** STS-TXT-6 [OURS]: `v=STSv1`, optional WSP, then ";" or the end of the record. */
export const isStsRecordCandidate = (record: string): boolean => /^v=STSv1[ \t]*(;|$)/.test(record);

/** Join the strings of one TXT RR (STS-TXT-9): in order, no separator. */
export const joinTxtStrings = (strings: readonly string[]): string => strings.join("");

export type StsTxtStatus = "absent" | "multiple" | "invalid" | "valid";

export interface StsTxtLookup {
  status: StsTxtStatus;
  /** The parsed record when exactly one STS record is present. */
  record: StsTxtRecord | null;
  /** Every STS record found, joined. */
  stsRecords: string[];
  /** TXT records at the same name that are not STS records. */
  otherRecords: string[];
  diagnostics: Diagnostic[];
}

/**
 * Apply the sender's record selection to the answer of a TXT lookup at `_mta-sts.<d>`
 * (Node's `resolveTxt` shape: one string[] per RR). STS-TXT-7, STS-TXT-9.
 */
export function selectStsTxtRecord(rrs: readonly (readonly string[])[]): StsTxtLookup {
  const joined = rrs.map(joinTxtStrings);
  const stsRecords = joined.filter(isStsRecordCandidate);
  const otherRecords = joined.filter((r) => !isStsRecordCandidate(r));
  const diagnostics: Diagnostic[] = [];

  if (otherRecords.length > 0) {
    diagnostics.push({
      id: "STS-TXT-7",
      severity: "info",
      message: `${otherRecords.length} other TXT record(s) at this name are not MTA-STS records; senders ignore them.`,
      ref: {
        key: "STS-TXT-7.otherRecords",
        params: { count: String(otherRecords.length), n: otherRecords.length },
      },
    });
  }
  // TV-TXT-7 / TV-TXT-15: someone tried to publish a record but got the prefix wrong.
  for (const near of otherRecords.filter((r) => /v=sts/i.test(r))) {
    diagnostics.push(...parseStsTxtRecord(near).diagnostics.filter((d) => d.id === "STS-TXT-3"));
  }

  if (stsRecords.length === 0) {
    return { status: "absent", record: null, stsRecords, otherRecords, diagnostics };
  }
  if (stsRecords.length > 1) {
    diagnostics.push({
      id: "STS-TXT-7",
      severity: "error",
      message: `There are ${stsRecords.length} MTA-STS records: senders need exactly one, so they treat the domain as having no policy. Delete all but one.`,
      ref: { key: "STS-TXT-7.severalRecords", params: { count: String(stsRecords.length) } },
    });
    return { status: "multiple", record: null, stsRecords, otherRecords, diagnostics };
  }
  const record = parseStsTxtRecord(stsRecords[0] ?? "");
  diagnostics.push(...record.diagnostics);
  const status = record.valid ? "valid" : "invalid";
  return { status, record, stsRecords, otherRecords, diagnostics };
}
