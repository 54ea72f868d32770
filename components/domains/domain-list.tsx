import { Globe } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatUtcDay } from "@/lib/core/format-date";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import type { DomainListRow } from "@/lib/db/domains/domain-list";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { DOMAIN_PAGE_SIZE, domainListHref, type DomainListParams } from "@/lib/domains/list-params";
import { AddDomainForm } from "./add-domain-form";
import { DomainHealth } from "./domain-health";
import { DomainListFilters } from "./domain-list-filters";
import { DomainRolloutBadge } from "./domain-rollout-badge";
import { RemoveDomainButton } from "./remove-domain-button";

export function DomainList({
  domains,
  total,
  params,
  problems,
  canEdit,
  denied,
}: {
  domains: DomainListRow[];
  /** Domains passing the search and filters, on all pages. */
  total: number;
  params: DomainListParams;
  /** What the URL held that the list could not use (lib/domains/list-params.ts). */
  problems: MessageRef[];
  canEdit: boolean;
  denied: boolean;
}) {
  const filtered = params.q !== "" || params.step || params.mode || params.ready;
  const pages = Math.max(1, Math.ceil(total / DOMAIN_PAGE_SIZE));
  const first = (params.page - 1) * DOMAIN_PAGE_SIZE;
  const t = useTranslations("domains");
  const locale = useLocale();
  const range = { from: first + 1, to: first + domains.length, count: total };
  const title =
    total === 0 && filtered
      ? t("noMatchTitle")
      : total <= DOMAIN_PAGE_SIZE || domains.length === 0
        ? t(filtered ? "countMatch" : "count", { count: total })
        : t(filtered ? "rangeMatch" : "range", range);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t.rich("intro", { em: (chunks) => <em>{chunks}</em> })}
        </p>
      </div>
      {denied ? <Alert tone="warn">{t("denied")}</Alert> : null}
      {problems.map((p) => (
        <Alert key={p.key + JSON.stringify(p.params)} tone="warn">
          {t(p.key as Parameters<typeof t>[0], p.params)}
        </Alert>
      ))}
      {canEdit ? <AddDomainForm /> : null}
      <Card>
        <CardHeader title={title} />
        <DomainListFilters params={params} />
        {domains.length === 0 && total > 0 ? (
          <div className="px-5 py-6 text-sm text-slate-600">
            {t.rich("pastLast", {
              page: params.page,
              pages,
              link: (chunks) => (
                <Link
                  href={domainListHref(params, { page: 1 })}
                  className="text-brand-700 underline"
                >
                  {chunks}
                </Link>
              ),
            })}
          </div>
        ) : domains.length === 0 && filtered ? (
          <p className="px-5 py-6 text-sm text-slate-600">{t("noMatch")}</p>
        ) : domains.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-5 py-10 text-center text-sm text-slate-600">
            <Globe aria-hidden className="size-8 text-slate-300" />
            <p>{t("empty")}</p>
            <p>{canEdit ? t("emptyAdmin") : t("emptyViewer")}</p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("listLabel")}>
            {domains.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
                <div className="min-w-0 flex-1">
                  <Link
                    href={`/domains/${d.name}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {d.displayName}
                  </Link>
                  {d.displayName !== d.name ? (
                    <span className="ml-2 font-mono text-xs text-slate-500">{d.name}</span>
                  ) : null}
                  <p className="text-xs text-slate-500">
                    {t("added", { date: formatUtcDay(d.createdAt, locale) })}
                  </p>
                </div>
                <DomainRolloutBadge domain={d} />
                <DomainHealth domain={d} />
                {canEdit ? <RemoveDomainButton domain={d.name} name={d.displayName} /> : null}
              </li>
            ))}
          </ul>
        )}
        <Pager
          label={t("pagerLabel")}
          status={t("pageStatus", { page: params.page, pages })}
          previous={params.page > 1 ? domainListHref(params, { page: params.page - 1 }) : null}
          next={params.page < pages ? domainListHref(params, { page: params.page + 1 }) : null}
        />
      </Card>
    </div>
  );
}
