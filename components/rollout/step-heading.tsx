import { useTranslations } from "next-intl";
import { StepBadge } from "./step-badge";
import type { StepState } from "@/lib/rollout/step-state";

/** A wizard page's title line: the step, its live status and why. */
export function StepHeading({ n, title, state }: { n: number; title: string; state: StepState }) {
  const t = useTranslations("steps");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h2 className="text-lg font-semibold">{t("heading", { n, title })}</h2>
      <StepBadge status={state.status} />
      <p className="w-full text-sm text-slate-600" data-testid={`step-${n}-summary`}>
        {t(`state.${state.message.key}` as Parameters<typeof t>[0], state.message.params)}
      </p>
    </div>
  );
}
