import { useTranslations } from "next-intl";
import type { RemovalStage } from "@/lib/readiness/mode-change";

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

/** STS-OPS-9: the safe order to stop using MTA-STS, with the date each stage becomes safe. */
export function RemovalSteps({ stages }: { stages: RemovalStage[] }) {
  const t = useTranslations("enforce");
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
              {s.title}
              {s.done ? " ✓" : ""}
            </span>
            <span className="text-xs text-slate-600">
              {t("safeFrom", { when: when(s.safeFrom) })}
            </span>
          </div>
          <p className="text-xs text-slate-600">{s.detail}</p>
        </li>
      ))}
    </ol>
  );
}
