"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FreshCheck } from "@/components/readiness/fresh-check";
import { ReadinessPanel } from "@/components/readiness/readiness-panel";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { apiFetch, seg } from "@/lib/query/api-fetch";
import { useChangeMode } from "@/lib/query/domain-mutations";
import { queryKeys } from "@/lib/query/keys";
import type { EnforceState } from "@/lib/readiness/enforce-state";
import type { ModeAction } from "@/lib/readiness/mode-change";
import { DnsStep } from "./dns-step";
import { ModeDialog } from "./mode-dialog";
import { RemovalSteps } from "./removal-steps";
import { unmetNames } from "@/lib/readiness/override-label";

const fetchState = (domain: string) =>
  apiFetch<EnforceState>("GET", `/api/domains/${seg(domain)}/enforce`);

const days = (s: number) => `${+(s / 86400).toFixed(2)} day${s === 86400 ? "" : "s"}`;

export function EnforcePanel({ initial, canEdit }: { initial: EnforceState; canEdit: boolean }) {
  const domain = initial.domain;
  const q = useQuery({
    queryKey: queryKeys.enforceState(domain),
    queryFn: () => fetchState(domain),
    initialData: initial,
  });
  const s = q.data;
  const [changed, setChanged] = useState<string | null>(null);
  const m = useChangeMode(domain);
  const p = s.policy;
  const unmet = unmetNames(s.readiness.criteria);
  const cached = p ? `up to the current max_age (${days(p.maxAge)}) after the TXT id changes` : "";
  const run = (action: ModeAction) => (maxAge: number, override: boolean) =>
    m.mutate({ action, maxAge, override }, { onSuccess: (r) => setChanged(r.policyId) });
  const common = { pending: m.isPending, error: m.error?.message ?? null };
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Policy mode"
          description="Enforce asks senders to refuse delivery to an MX that fails TLS. Switch only when the criteria below are met."
        />
        <div className="space-y-4 px-5 py-4">
          {p ? (
            <p className="flex flex-wrap items-center gap-2 text-sm" aria-label="Served policy">
              Serving{" "}
              <Badge
                tone={p.mode === "enforce" ? "good" : p.mode === "testing" ? "warn" : "neutral"}
              >
                mode: {p.mode}
              </Badge>
              max_age {p.maxAge} · id <span className="font-mono">{p.policyId}</span> · since{" "}
              {p.createdAt.slice(0, 16).replace("T", " ")} UTC
            </p>
          ) : (
            <Alert tone="info">No policy yet: publish one in testing mode first (2·Policy).</Alert>
          )}
          {p && canEdit ? (
            <div className="flex flex-wrap gap-2">
              {p.mode === "testing" ? (
                <ModeDialog
                  action="enforce"
                  consequences={[
                    "Senders that honour MTA-STS will refuse to deliver to an MX host that fails TLS or is not in the policy; they retry, then bounce.",
                    `It takes effect as senders' caches refresh: ${cached}.`,
                    "The hosted endpoint serves the new policy at once; then change the _mta-sts id in DNS.",
                  ]}
                  defaultMaxAge={s.enforceMaxAge.maxAge}
                  maxAgeNote={s.enforceMaxAge.reason}
                  unmet={unmet}
                  onConfirm={run("enforce")}
                  {...common}
                />
              ) : (
                <ModeDialog
                  action="rollback"
                  consequences={[
                    "Senders stop refusing mail on TLS failures once they fetch the testing policy.",
                    `Senders holding the current policy keep it until they refresh: ${cached} (plus the TXT TTL).`,
                  ]}
                  defaultMaxAge={s.testingMaxAge}
                  maxAgeNote="testing: 1 day to 1 week (STS-OPS-10)."
                  unmet={[]}
                  onConfirm={run("rollback")}
                  {...common}
                />
              )}
              {p.mode !== "none" ? (
                <ModeDialog
                  action="removal"
                  consequences={[
                    "Serving mode: none tells senders to drop the policy at their next refresh.",
                    "Keep the TXT record and the policy host until the date shown under Removal: deleting them earlier does not cancel cached policies (STS-OPS-9).",
                  ]}
                  defaultMaxAge={86400}
                  maxAgeNote="none: 86400 (STS-OPS-10); a large value only delays the removal."
                  unmet={[]}
                  onConfirm={run("removal")}
                  {...common}
                />
              ) : null}
            </div>
          ) : null}
          {p && !canEdit ? (
            <p className="text-sm text-slate-600">Only admins can change the mode.</p>
          ) : null}
          {changed ? <Alert tone="good">New policy {changed} is being served.</Alert> : null}
          {p ? <DnsStep domain={domain} policyId={p.policyId} /> : null}
        </div>
      </Card>
      <FreshCheck domain={domain} check={s.readiness.check} canRun={canEdit} />
      <ReadinessPanel readiness={s.readiness} verdictChange={s.verdictChange} />
      <Card>
        <CardHeader
          title="Removal"
          description="The safe order to stop using MTA-STS (STS-OPS-9)."
        />
        <div className="px-5 py-4">
          <RemovalSteps stages={s.removal} />
        </div>
      </Card>
    </div>
  );
}
