import { useTranslations } from "next-intl";
import { outcomeRef } from "@/lib/alerts/outcomes";

/**
 * A delivery outcome as the reader reads it (issue 16 §6): our own words in the page's
 * language (`alerts.outcomes`), the receiver's or library's words ("HTTP 500", "250 OK",
 * an SMTP reply, a connection error) as they came.
 */
export function useOutcomeText(): (outcome: string) => string {
  const t = useTranslations("alerts");
  return (outcome) => {
    const ref = outcomeRef(outcome);
    return ref ? t(ref.key as "outcomes.unknownKind", ref.params as { kind: string }) : outcome;
  };
}
