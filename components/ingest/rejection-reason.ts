import { useTranslations } from "next-intl";
import type { RejectedRecord } from "@/lib/db/reports/rejected";
import type { Say } from "@/lib/i18n/message-ref";
import { reasonIn } from "@/lib/ingest/rejection-text";

/**
 * A refusal's reason in the user's language (issue 16 §6): our own reasons are messages of
 * `reports.rejected.reasons`, the reader's of `tlsrptReader` (the ref names it); a quoted
 * reason is translated in its place. Rows stored without a ref show their English.
 */
export function useRejectionReason() {
  const tReason = useTranslations("reports.rejected.reasons");
  const tReader = useTranslations("tlsrptReader");
  const say: Say = (namespace, key, params) => {
    if (namespace === "tlsrptReader") {
      const k = key as Parameters<typeof tReader>[0];
      return tReader.has(k) ? tReader(k, params) : null;
    }
    const k = key as Parameters<typeof tReason>[0];
    return tReason.has(k) ? tReason(k, params) : null;
  };
  return (r: Pick<RejectedRecord, "reason" | "reasonRef">): string => reasonIn(r, say);
}
