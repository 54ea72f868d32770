import { AlertTriangle, CheckCircle2, CircleHelp, Info, XCircle } from "lucide-react";
import type { CheckSeverity, CheckSummary } from "@/lib/checker/types";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

// "untested" has its own look and words: it is never shown as a pass (§14.4 note).
const LOOK = {
  error: { tone: "bad", label: "error", Icon: XCircle },
  warning: { tone: "warn", label: "warning", Icon: AlertTriangle },
  untested: { tone: "neutral", label: "untested", Icon: CircleHelp },
  info: { tone: "info", label: "info", Icon: Info },
  ok: { tone: "good", label: "ok", Icon: CheckCircle2 },
} as const;

export function SeverityBadge({ severity }: { severity: CheckSeverity }) {
  const t = useTranslations("check.severity");
  const { tone, label, Icon } = LOOK[severity];
  return (
    <Badge
      tone={tone}
      data-severity={severity}
      className={severity === "untested" ? "border border-dashed border-slate-400" : undefined}
    >
      <Icon aria-hidden />
      {t(label)}
    </Badge>
  );
}

/** summaryLine in the user's language (issue 16 §6). */
export function useSummaryLine(): (s: CheckSummary) => string {
  const t = useTranslations("check");
  return (s) => t("summary", { ...s });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 error, 2 warnings, 1 could not be tested, 3 info, 20 ok" */
export function summaryLine(s: CheckSummary): string {
  return [
    plural(s.error, "error", "errors"),
    plural(s.warning, "warning", "warnings"),
    `${s.untested} could not be tested`,
    `${s.info} info`,
    `${s.ok} ok`,
  ].join(", ");
}
