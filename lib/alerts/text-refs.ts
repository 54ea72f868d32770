import type { MessageRef } from "@/lib/i18n/message-ref";

// An alert's title, detail and fix as MessageRefs (issue 16 §6), stored as JSON with the
// alert and its finding so a German alert message and the timeline can be written in the
// recipient's language later. The English text stays stored beside them: it is what the
// API, the logs and English messages use, and what is shown when there are no refs.

export interface AlertTextRefs {
  /** The namespace the keys are relative to: `checks` (CHK-OPS-*), `findings` (WATCH-*) or
   * `alertText` (TEST). */
  namespace: "checks" | "findings" | "alertText";
  title: MessageRef;
  detail: MessageRef;
  fix: MessageRef;
}

const isRef = (v: unknown): v is MessageRef =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as { key?: unknown }).key === "string" &&
  ((v as { params?: unknown }).params === undefined ||
    (typeof (v as { params?: unknown }).params === "object" &&
      Object.values((v as { params: object }).params).every(
        (p) => typeof p === "string" || typeof p === "number",
      )));

const isNamespace = (v: unknown): v is AlertTextRefs["namespace"] =>
  v === "checks" || v === "findings" || v === "alertText";

/** The title ref an "alert.raised" audit event keeps (its details' `i18n`), or null. */
export function titleRefOf(v: unknown): Pick<AlertTextRefs, "namespace" | "title"> | null {
  if (typeof v !== "object" || v === null) return null;
  const r = v as Record<string, unknown>;
  return isNamespace(r.namespace) && isRef(r.title)
    ? { namespace: r.namespace, title: r.title }
    : null;
}

/** The stored JSON read back; null for none, or for anything that is not refs (old rows). */
export function parseTextRefs(json: string | null | undefined): AlertTextRefs | null {
  if (!json) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== "object" || v === null) return null;
  const r = v as Record<string, unknown>;
  if (!isNamespace(r.namespace)) return null;
  if (!isRef(r.title) || !isRef(r.detail) || !isRef(r.fix)) return null;
  return { namespace: r.namespace, title: r.title, detail: r.detail, fix: r.fix };
}
