import { useTranslations } from "next-intl";
import { StepBadge } from "@/components/rollout/step-badge";
import type { DomainListRow } from "@/lib/db/domains/domain-list";

// Where the domain stands in the four rollout steps, from stored data and the latest
// stored verification (no live probe on the list). The page loads it (getDomainList).
// The text is chosen by the row's stable ids (first open step, its status, the served
// mode), the same facts lib/rollout/step-state.ts writes its English label from.
export function DomainRolloutBadge({ domain }: { domain: DomainListRow }) {
  const t = useTranslations("domains");
  const { step, status } = domain.rollout;
  const label =
    step === "live"
      ? t("rollout.live", { mode: domain.mode ?? "testing" })
      : status === "attention"
        ? t(`rollout.attention.${step}`)
        : t(`rollout.step.${step}`);
  return (
    <span aria-label={t("rolloutOf", { name: domain.displayName })}>
      <StepBadge status={status} label={label} />
    </span>
  );
}
