import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatUtcDay, formatUtcMinute } from "@/lib/core/format-date";
import type { DomainListRow } from "@/lib/db/domains/domain-list";
import { formatRate } from "@/lib/stats/aggregate";

type Readiness = NonNullable<DomainListRow["readiness"]>;

// Mode, last report day, 7-day failure rate and the stored readiness verdict at a glance,
// on the domain list. The page loads the data (getDomainList); nothing is queried here.
export function DomainHealth({ domain: h }: { domain: DomainListRow }) {
  const t = useTranslations("domains.health");
  const locale = useLocale();
  const week = h.week.successful + h.week.failed;
  const readinessTitle = (r: Readiness) => {
    const when = formatUtcMinute(r.computedAt, locale, { zone: false });
    const open = r.open.join(", ");
    if (r.open.length) return t(r.stale ? "openStale" : "open", { open, when });
    return t(r.stale ? "allMetStale" : "allMet", { when });
  };
  return (
    <dl
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600"
      aria-label={t("label", { name: h.displayName })}
    >
      <div>
        <dt className="sr-only">{t("mode")}</dt>
        <dd>
          <Badge tone={h.mode === "enforce" ? "good" : h.mode === "testing" ? "warn" : "neutral"}>
            {h.mode ? t("modeValue", { mode: h.mode }) : t("noPolicy")}
          </Badge>
        </dd>
      </div>
      <div>
        <dt className="inline">{t("lastReport")} </dt>
        <dd className="inline tabular-nums">
          {h.lastReportDay ? formatUtcDay(h.lastReportDay, locale) : t("noReport")}
        </dd>
      </div>
      <div>
        <dt className="inline">{t("failures")} </dt>
        <dd className="inline tabular-nums">
          {week === 0 ? t("noSessions") : formatRate(h.week.rate)}
        </dd>
      </div>
      <div>
        <dt className="inline">{t("ready")} </dt>
        {h.readiness ? (
          <dd className="inline tabular-nums" title={readinessTitle(h.readiness)}>
            {h.readiness.met}/{h.readiness.total}
          </dd>
        ) : (
          <dd className="inline" title={t("computing")}>
            {t("notEvaluated")}
          </dd>
        )}
      </div>
    </dl>
  );
}
