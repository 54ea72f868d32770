// Reasons inside the READY texts (issue 16 §6): why a testing run stops (day-evidence.ts),
// whose side a failure is on (failure-side.ts), how the judged reports were authenticated
// and what a reporter's policy-string showed (auth-evidence.ts, report-criteria.ts), the
// failures a waiver covers, the usual reporters gone quiet (quiet-reporters.ts), a checker
// result quoted (checker-criteria.ts: its title and evidence with their `checks` refs).
// Each is one message of messages/en/readiness-reasons.json, formatted here in English like
// ev() and ct(), with its ref beside it. A sentence that quotes reasons keeps them in its
// ref's `reasons`: the page translates each and joins a list by "; " into the parameter of
// that name, whose English the ref keeps too (so the ref formats to the stored English).
import en from "../../messages/en/readiness-reasons.json" with { type: "json" };
import { formatIcu, type IcuParams } from "../i18n/format-icu";
import type { ReasonedRef } from "./types";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** The prefixes of the reasons' keys (the namespace's other messages are the page's own). */
export const REASON_GROUPS = [
  "stop.",
  "side.",
  "auth.",
  "strings.",
  "waived.",
  "quiet.",
  "checker.",
] as const;

/** The keys of the reasons. */
export type ReasonKey = Extract<Leaves<typeof en>, `${(typeof REASON_GROUPS)[number]}${string}`>;

/** A reason: its English and its ref (namespace `readinessReasons`). */
export interface Reason {
  text: string;
  ref: ReasonedRef;
}

/** Reasons quoted by a sentence, by parameter name; a list is joined by "; ". */
export type Quoted = Record<string, readonly Reason[]>;

type Tree = { [key: string]: string | Tree };

function lookup(key: string): string {
  let node: string | Tree = en as Tree;
  for (const part of key.split(".")) node = typeof node === "string" ? node : (node[part] ?? "");
  if (typeof node !== "string" || node === "") throw new Error(`No reason text ${key}`);
  return node;
}

/** `ref` with the quoted reasons: their English joined in its params, their refs beside. */
export function withReasons(ref: ReasonedRef, quoted: Quoted): ReasonedRef {
  const params: IcuParams = { ...ref.params };
  const reasons: NonNullable<ReasonedRef["reasons"]> = { ...ref.reasons };
  for (const [name, list] of Object.entries(quoted)) {
    params[name] = list.map((r) => r.text).join("; ");
    reasons[name] = list.map((r) => r.ref);
  }
  return { ...ref, params, reasons };
}

/** The reason `key` in English, with its ref; `quoted` fills parameters with other reasons. */
export function reason(key: ReasonKey, params: IcuParams = {}, quoted: Quoted = {}): Reason {
  const ref = withReasons({ key, params }, quoted);
  return { text: formatIcu(lookup(key), ref.params), ref: simplify(ref) };
}

/** A ref without empty parts (as the other refs are written). */
const simplify = (ref: ReasonedRef): ReasonedRef => {
  const out: ReasonedRef = { key: ref.key };
  if (ref.params && Object.keys(ref.params).length > 0) out.params = ref.params;
  if (ref.reasons && Object.keys(ref.reasons).length > 0) out.reasons = ref.reasons;
  return out;
};
