import { useLocale, useTranslations } from "next-intl";
import { localizeDates } from "@/lib/core/format-date";
import type { CheckResult } from "@/lib/checker/types";

export type ResultPart = "title" | "evidence" | "fix";

/**
 * A check result's title, evidence or fix in the user's language (issue 16 §6): the ref the
 * checker stored beside the English (namespace `checks`; a fix quoting parser diagnostics:
 * their refs, namespace `diagnostics`, each after its line where it has one), else the stored text as is (raw
 * data, or a run stored before the texts were translatable; no migration needed).
 */
export function useResultText(): (r: CheckResult, part: ResultPart) => string {
  const t = useTranslations("checks");
  const td = useTranslations("diagnostics");
  const locale = useLocale();
  return (r, part) => {
    const quoted = part === "fix" ? r.i18n?.fixDiagnostics : undefined;
    if (quoted) {
      // A fix that quotes the parser's diagnostics (CHK-TXT-2…6, CHK-POL-*): each in the
      // user's language, a policy diagnostic after its line.
      const keys = quoted.map((d) => d.key as Parameters<typeof td>[0]);
      if (!keys.every((k) => td.has(k))) return r.fix;
      return quoted
        .map((d, i) => {
          const text = td(keys[i] as Parameters<typeof td>[0], d.params);
          if (d.line === undefined) return text;
          return t("policy.atLine", { line: String(d.line), diagnostic: text });
        })
        .join(" ");
    }
    const ref = r.i18n?.[part];
    if (!ref) return r[part];
    const key = ref.key as Parameters<typeof t>[0];
    return t.has(key) ? t(key, localizeDates(ref.params, locale)) : r[part];
  };
}
