import { useLocale, useTranslations } from "next-intl";
import { formatUtcMinute, localizeDates } from "@/lib/core/format-date";
import type { RemovalStage } from "@/lib/readiness/mode-change";

/** STS-OPS-9: the safe order to stop using MTA-STS, with the date each stage becomes safe. */
export function RemovalSteps({ stages }: { stages: RemovalStage[] }) {
  const t = useTranslations("enforce");
  const locale = useLocale();
  const tr = useTranslations("readinessReasons");
  const text = (ref: RemovalStage["titleRef"]) =>
    tr(ref.key as Parameters<typeof tr>[0], localizeDates(ref.params, locale));
  if (stages.length === 0)
    return (
      <p className="text-sm text-slate-600" data-testid="removal-none">
        {t("removalNone")}
      </p>
    );
  return (
    <ol className="space-y-2 text-sm" aria-label={t("removalStages")}>
      {stages.map((s) => (
        <li key={s.title} className="rounded border border-slate-200 px-3 py-2">
          <div className="flex flex-wrap justify-between gap-2">
            <span className="font-medium">
              {text(s.titleRef)}
              {s.done ? " ✓" : ""}
            </span>
            <span className="text-xs text-slate-600">
              {t("safeFrom", { when: s.safeFrom ? formatUtcMinute(s.safeFrom, locale) : "—" })}
            </span>
          </div>
          <p className="text-xs text-slate-600">{text(s.detailRef)}</p>
        </li>
      ))}
    </ol>
  );
}
