import { useTranslations } from "next-intl";
import type { Diagnostic } from "@/lib/core/diagnostic";
import type { CountNote } from "@/lib/tlsrpt/count-notes";

/**
 * The TLS-RPT reader's warnings and count notes in the user's language (issue 16 §6): each
 * from its ref (namespace `tlsrptReader`), else as stored (reports read before, or a
 * warning no key names yet). A note quoting a warning gets the warning as shown.
 */
export function useReaderText() {
  const t = useTranslations("tlsrptReader");
  const translate = (ref: Diagnostic["ref"], english: string, params = ref?.params): string => {
    const key = ref?.key as Parameters<typeof t>[0] | undefined;
    return key && t.has(key) ? t(key, params) : english;
  };
  const warning = (w: Pick<Diagnostic, "message" | "ref">): string => {
    const times = w.ref?.params?.times;
    if (times === undefined) return translate(w.ref, w.message);
    // A warning repeated in the report (WarningSink): its own text, then how often.
    const own = translate(w.ref, "");
    return own === "" ? w.message : t("warnings.repeated", { warning: own, times: String(times) });
  };
  const note = (n: CountNote): string =>
    translate(
      n.ref,
      n.message,
      n.quotes ? { ...n.ref.params, warning: warning(n.quotes) } : n.ref.params,
    );
  return { warning, note };
}
