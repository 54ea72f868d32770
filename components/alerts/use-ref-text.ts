import { useLocale, useTranslations } from "next-intl";
import { localizeDates } from "@/lib/core/format-date";
import type { AlertTextRefs } from "@/lib/alerts/text-refs";
import type { MessageRef } from "@/lib/i18n/message-ref";

type Plain = ((key: string, params?: MessageRef["params"]) => string) & {
  has: (key: string) => boolean;
};

/**
 * Translates a stored alert or finding text (issue 16 §6): the MessageRef in its namespace
 * (`checks` for CHK-OPS drift, `findings` for the watch's WATCH-*, `alertText` for the test
 * alert); null when the row has no ref
 * (rows from before, kinds without refs) or the key is gone: the caller shows the English.
 */
export function useRefText(): (
  namespace: AlertTextRefs["namespace"],
  ref: MessageRef | undefined,
) => string | null {
  const findings = useTranslations("findings") as unknown as Plain;
  const checks = useTranslations("checks") as unknown as Plain;
  const alertText = useTranslations("alertText") as unknown as Plain;
  const locale = useLocale();
  const byNamespace = { checks, findings, alertText };
  return (namespace, ref) => {
    const t = byNamespace[namespace];
    return ref && t.has(ref.key) ? t(ref.key, localizeDates(ref.params, locale)) : null;
  };
}
