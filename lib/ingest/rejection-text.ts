// Our own reasons for a refusal (issue 16 §6), each a message of "reports.rejected.reasons":
// the English formatted here from messages/en/reports.json with formatIcu and its ref kept
// beside it, so the rejected-submissions page shows the reason in the admin's language and
// the stored English can't drift from it. The reader's refusals carry their own ref
// (lib/tlsrpt/refusal-text.ts, namespace tlsrptReader); readerReason names that namespace.
import en from "../../messages/en/reports.json" with { type: "json" };
import { formatIcu, type IcuParams } from "../i18n/format-icu";
import { renderNested, type NestedMessageRef, type Say } from "../i18n/message-ref";

/** The keys formatIcu can format (messageTooBig's `{size, number}` is beyond its subset). */
export type ReasonKey = Exclude<keyof typeof en.rejected.reasons, "messageTooBig">;

export interface ReasonText {
  text: string;
  ref: NestedMessageRef;
}

/** The English of `reports.rejected.reasons.<key>` with its ref. */
export const reasonText = (key: ReasonKey, params?: IcuParams): ReasonText => ({
  text: formatIcu(en.rejected.reasons[key], params),
  ref: params ? { key, params } : { key },
});

/** A reason that quotes another: `quoted` is a reason of ours (translated in its place) or a
 * raw error from elsewhere (quoted as it is). */
export function quoting(
  key: ReasonKey,
  quoted: string | ReasonText,
  params?: IcuParams,
): ReasonText {
  const inner = typeof quoted === "string" ? { text: quoted } : quoted;
  const { text, ref } = reasonText(key, { ...params, reason: inner.text });
  return { text, ref: "ref" in inner ? { ...ref, nested: { reason: inner.ref } } : ref };
}

/** A reader refusal's ref as stored with the rejection: it names its namespace. */
export const readerReason = (error: { ref?: NestedMessageRef }): NestedMessageRef | undefined =>
  error.ref ? { namespace: "tlsrptReader", ...error.ref } : undefined;

/** The namespace of a stored reason's ref unless it names another. */
export const REASONS_NAMESPACE = "reports.rejected.reasons";

/** A stored refusal's reason as `say` words it (the page passes next-intl's translators of
 * the two namespaces); its English where the row has no ref or `say` no key for it. */
export const reasonIn = (
  r: { reason: string; reasonRef: NestedMessageRef | null },
  say: Say,
): string => (r.reasonRef && renderNested(r.reasonRef, REASONS_NAMESPACE, say)) ?? r.reason;
