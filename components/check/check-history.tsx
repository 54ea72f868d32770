import { useLocale, useTranslations } from "next-intl";
import { formatUtcSecond } from "@/lib/core/format-date";
import type { CheckRunJson } from "@/lib/db/checks/check-run-view";
import { cn } from "@/components/ui/cn";
import { useSummaryLine } from "./severity";

export function CheckHistory({
  runs,
  selectedId,
  onSelect,
}: {
  runs: readonly CheckRunJson[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("check.history");
  const locale = useLocale();
  const summaryLine = useSummaryLine();
  if (runs.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ol aria-label={t("label")} className="divide-y divide-slate-100">
      {runs.map((run) => (
        <li key={run.id} data-testid="check-run" data-status={run.status}>
          <button
            type="button"
            onClick={() => onSelect(run.id)}
            disabled={run.status !== "done"}
            aria-current={run.id === selectedId ? "true" : undefined}
            className={cn(
              "w-full px-2 py-2 text-left text-sm hover:bg-slate-50 disabled:cursor-default disabled:hover:bg-transparent",
              run.id === selectedId && "bg-brand-50",
            )}
          >
            <span className="block font-medium text-slate-800">
              {formatUtcSecond(run.startedAt, locale)}
              <span className="font-normal text-slate-600"> · {run.actor}</span>
            </span>
            <span className="block text-slate-600">
              {run.status === "done"
                ? summaryLine(run.summary)
                : run.status === "running"
                  ? t("running")
                  : t("failed")}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
