// The Say the rejected-submissions and upload pages build (components/ingest/rejection-reason.ts),
// from next-intl's translators of the two namespaces a reason's message can be in.
import { createTranslator } from "next-intl";
import type { Say } from "@/lib/i18n/message-ref";
import { MESSAGES } from "@/lib/i18n/messages";

export function pageSay(locale: "en" | "de"): Say {
  const onError = (e: Error) => {
    throw e;
  };
  const reasons = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "reports.rejected.reasons",
    onError,
  });
  const reader = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "tlsrptReader",
    onError,
  });
  return (namespace, key, params) =>
    namespace === "tlsrptReader"
      ? reader(key as Parameters<typeof reader>[0], params)
      : reasons(key as Parameters<typeof reasons>[0], params);
}
