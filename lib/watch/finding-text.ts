// The texts of a CHK-OPS finding (issue 16 §6): English for the alert, the timeline and the
// API, and the MessageRefs (namespace `checks`, key `ops.*`) the check page translates.
// Stored like every finding's refs (FindingText, namespace `checks`); the check page reads
// `detail` as the result's evidence (as-check-results.ts).
import type { CheckText } from "../checker/text";
import type { FindingText } from "./types";

export function findingTexts(
  title: CheckText,
  detail: CheckText,
  fix: CheckText,
): { title: string; detail: string; fix: string; i18n: FindingText } {
  return {
    title: title.text,
    detail: detail.text,
    fix: fix.text,
    i18n: { namespace: "checks", title: title.ref, detail: detail.ref, fix: fix.ref },
  };
}
