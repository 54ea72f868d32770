// The READY criteria's evidence lines (issue 16 §6): each line built from one message of
// messages/en/readinessEvidence.json, like the checker's ct(): the English formatted here
// (stored, the API, the tests) with its MessageRef beside it, so the Enforce page shows the
// line in the user's language and the two can't drift. Raw data (hosts, reporters, days,
// record ids, result types) goes in as parameters; a reason the line quotes (why a run
// stops, whose side a failure is on) as a Reason with its own ref.
import en from "../../messages/en/readinessEvidence.json" with { type: "json" };
import { formatIcu, type IcuParams } from "../i18n/format-icu";
import { withReasons, type Quoted } from "./reason-text";
import type { Criterion, ReasonedRef } from "./types";

export type EvidenceKey = keyof typeof en;

/** One evidence line: the English, and its ref (namespace `readinessEvidence`) or null. */
export interface EvidenceLine {
  text: string;
  ref: ReasonedRef | null;
}

/** The line `key`; `quoted` fills parameters with reasons (reason-text.ts), refs kept. */
export function ev(key: EvidenceKey, params?: IcuParams, quoted?: Quoted): EvidenceLine {
  if (!quoted) return { text: formatIcu(en[key], params), ref: params ? { key, params } : { key } };
  const ref = withReasons({ key, params: { ...params } }, quoted);
  return { text: formatIcu(en[key], ref.params), ref };
}

/** A line no key names yet: shown in English. */
export const plainLine = (text: string): EvidenceLine => ({ text, ref: null });

type Evidence = Pick<Criterion, "evidence" | "evidenceRefs">;

/** `evidence` and, index for index, `evidenceRefs` of a criterion. */
export function evidenceOf(lines: readonly EvidenceLine[]): Evidence {
  const out: Evidence = { evidence: lines.map((l) => l.text) };
  if (lines.some((l) => l.ref)) out.evidenceRefs = lines.map((l) => l.ref);
  return out;
}

/** The criterion's lines, as EvidenceLines. */
export const linesOf = (c: Evidence): EvidenceLine[] =>
  c.evidence.map((text, i) => ({ text, ref: c.evidenceRefs?.[i] ?? null }));

/** `c` with more lines after its own. */
export const withEvidence = (c: Criterion, more: readonly EvidenceLine[]): Criterion => {
  const next: Criterion = { ...c, ...evidenceOf([...linesOf(c), ...more]) };
  if (!next.evidenceRefs) delete next.evidenceRefs;
  return next;
};

/** A day count: "1 day", "0.5 days" (select params of servedPolicy and rollback). */
export const dayParams = (seconds: number): IcuParams => ({
  oneDay: seconds === 86400 ? "yes" : "no",
  days: String(+(seconds / 86400).toFixed(2)),
});
