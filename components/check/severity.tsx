import { AlertTriangle, CheckCircle2, CircleHelp, Info, XCircle } from "lucide-react";
import type { CheckSeverity, CheckSummary } from "@/lib/checker/types";
import { Badge } from "@/components/ui/badge";

// "untested" has its own look and words: it is never shown as a pass (§14.4 note).
const LOOK = {
  error: { tone: "bad", label: "Error", Icon: XCircle },
  warning: { tone: "warn", label: "Warning", Icon: AlertTriangle },
  untested: { tone: "neutral", label: "Could not test", Icon: CircleHelp },
  info: { tone: "info", label: "Info", Icon: Info },
  ok: { tone: "good", label: "OK", Icon: CheckCircle2 },
} as const;

export function SeverityBadge({ severity }: { severity: CheckSeverity }) {
  const { tone, label, Icon } = LOOK[severity];
  return (
    <Badge
      tone={tone}
      data-severity={severity}
      className={severity === "untested" ? "border border-dashed border-slate-400" : undefined}
    >
      <Icon aria-hidden />
      {label}
    </Badge>
  );
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
