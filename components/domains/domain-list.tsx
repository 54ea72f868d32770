import { Globe } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import type { DomainListRow } from "@/lib/db/domains/domain-list";
import { DOMAIN_PAGE_SIZE, domainListHref, type DomainListParams } from "@/lib/domains/list-params";
import { AddDomainForm } from "./add-domain-form";
import { DomainHealth } from "./domain-health";
import { DomainListFilters } from "./domain-list-filters";
import { DomainRolloutBadge } from "./domain-rollout-badge";
import { RemoveDomainButton } from "./remove-domain-button";

const plural = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "domain" : "domains"}`;

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
  problems: string[];
  canEdit: boolean;
  denied: boolean;
}) {
  const filtered = params.q !== "" || params.step || params.mode || params.ready;
  const pages = Math.max(1, Math.ceil(total / DOMAIN_PAGE_SIZE));
  const first = (params.page - 1) * DOMAIN_PAGE_SIZE;
  const title =
    total === 0
      ? filtered
        ? "No domain matches"
        : "0 domains"
      : total <= DOMAIN_PAGE_SIZE || domains.length === 0
        ? `${plural(total)}${filtered ? " match" : ""}`
        : `${(first + 1).toLocaleString("en-US")}–${(first + domains.length).toLocaleString("en-US")} of ${plural(total)}${filtered ? " matching" : ""}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Domains</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each domain moves through four steps to an MTA-STS policy in <em>testing</em> mode, then
          to <em>enforce</em> once the daily reports show it is safe.
        </p>
      </div>
      {denied ? <Alert tone="warn">That page is for admins only.</Alert> : null}
      {problems.map((p) => (
        <Alert key={p} tone="warn">
          {p}
        </Alert>
      ))}
      {canEdit ? <AddDomainForm /> : null}
      <Card>
        <CardHeader title={title} />
        <DomainListFilters params={params} />
        {domains.length === 0 && total > 0 ? (
          <div className="px-5 py-6 text-sm text-slate-600">
            Page {params.page} is past the last page ({pages}).{" "}
            <Link href={domainListHref(params, { page: 1 })} className="text-brand-700 underline">
              Go to page 1
            </Link>
            .
          </div>
        ) : domains.length === 0 && filtered ? (
          <p className="px-5 py-6 text-sm text-slate-600">
            No domain matches this search and these filters.
          </p>
        ) : domains.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-5 py-10 text-center text-sm text-slate-600">
            <Globe aria-hidden className="size-8 text-slate-300" />
            <p>No domains yet.</p>
            <p>
              {canEdit
                ? "Add the mail domain you want to protect above."
                : "An admin can add domains."}
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Domains">
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
                    Added {d.createdAt.toISOString().slice(0, 10)}
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
          label="Domain list pages"
          status={`Page ${params.page} of ${pages}`}
          previous={params.page > 1 ? domainListHref(params, { page: params.page - 1 }) : null}
          next={params.page < pages ? domainListHref(params, { page: params.page + 1 }) : null}
        />
      </Card>
    </div>
  );
}
