import { Globe } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import type { DomainListRow } from "@/lib/db/domains/domain-list";
import { AddDomainForm } from "./add-domain-form";
import { DomainHealth } from "./domain-health";
import { DomainRolloutBadge } from "./domain-rollout-badge";
import { RemoveDomainButton } from "./remove-domain-button";

export function DomainList({
  domains,
  canEdit,
  denied,
}: {
  domains: DomainListRow[];
  canEdit: boolean;
  denied: boolean;
}) {
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
      {canEdit ? <AddDomainForm /> : null}
      <Card>
        <CardHeader title={`${domains.length} ${domains.length === 1 ? "domain" : "domains"}`} />
        {domains.length === 0 ? (
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
      </Card>
    </div>
  );
}
