import { useLocale, useTranslations } from "next-intl";
import { localizeDates } from "@/lib/core/format-date";
import type { MessageRef } from "@/lib/i18n/message-ref";
import type { ReasonedRef } from "@/lib/readiness/types";

type Params = MessageRef["params"];

/**
 * Issue 16 §6: the reasons a READY text quotes (lib/readiness/reason-text.ts: why a testing
 * run stops, whose side a failure is on, …; a checker result's title and evidence are
 * `checks` refs) in the user's language. `params(ref)` gives a ref's parameters with its
 * dates localized and each quoted reason translated (a list joined by "; "); where a
 * reason's key is unknown, the English lib stored stays in its place. `reason(ref)`
 * translates one reason, or null when its key is unknown.
 */
export function useReasonText() {
  const t = useTranslations("readinessReasons");
  const tc = useTranslations("checks");
  const locale = useLocale();
  const params = (ref: ReasonedRef): Params => {
    const out = { ...localizeDates(ref.params, locale) };
    for (const [name, list] of Object.entries(ref.reasons ?? {})) {
      const texts = list.map(reason);
      if (texts.every((x) => x !== null)) out[name] = texts.join("; ");
    }
    return out;
  };
  const reason = (ref: ReasonedRef): string | null => {
    if (ref.namespace === "checks") {
      const key = ref.key as Parameters<typeof tc>[0];
      return tc.has(key) ? tc(key, localizeDates(ref.params, locale)) : null;
    }
    const key = ref.key as Parameters<typeof t>[0];
    return t.has(key) ? t(key, params(ref)) : null;
  };
  return { params, reason };
}
