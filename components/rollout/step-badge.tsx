import { AlertTriangle, CheckCircle2, CircleDashed } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { StepStatus } from "@/lib/rollout/step-state";

const LOOK = {
  "not-started": { tone: "neutral", Icon: CircleDashed, text: "Not started" },
  attention: { tone: "warn", Icon: AlertTriangle, text: "Needs attention" },
  done: { tone: "good", Icon: CheckCircle2, text: "Done" },
} as const;

export function StepBadge({ status, label }: { status: StepStatus; label?: string }) {
  const { tone, Icon, text } = LOOK[status];
  return (
    <Badge tone={tone}>
      <Icon aria-hidden />
      {label ?? text}
    </Badge>
  );
}
