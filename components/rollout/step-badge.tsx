import { AlertTriangle, CheckCircle2, CircleDashed } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { StepStatus } from "@/lib/rollout/step-state";

const LOOK = {
  "not-started": { tone: "neutral", Icon: CircleDashed, text: "notStarted" },
  attention: { tone: "warn", Icon: AlertTriangle, text: "attention" },
  done: { tone: "good", Icon: CheckCircle2, text: "done" },
} as const;

export function StepBadge({ status, label }: { status: StepStatus; label?: string }) {
  const t = useTranslations("steps.badge");
  const { tone, Icon, text } = LOOK[status];
  return (
    <Badge tone={tone}>
      <Icon aria-hidden />
      {label ?? t(text)}
    </Badge>
  );
}
