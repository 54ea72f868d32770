"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FreshCheck } from "@/components/readiness/fresh-check";
import { ReadinessPanel } from "@/components/readiness/readiness-panel";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatUtcMinute } from "@/lib/core/format-date";
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

export function EnforcePanel({ initial, canEdit }: { initial: EnforceState; canEdit: boolean }) {
  const t = useTranslations("enforce");
  const locale = useLocale();
  const tc = useTranslations("readiness.criteria");
  const td = useTranslations("diagnostics");
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
  // Issue 16: unmet criteria named in words (translated), the id in brackets.
  const unmet = unmetNames(s.readiness.criteria, (c) => tc(c.id as Parameters<typeof tc>[0]));
  const cached = p
    ? t("cached", { days: t("days", { days: +(p.maxAge / 86400).toFixed(2) }) })
    : "";
  const run = (action: ModeAction) => (maxAge: number, override: boolean) =>
    m.mutate({ action, maxAge, override }, { onSuccess: (r) => setChanged(r.policyId) });
  const common = { pending: m.isPending, error: m.error?.message ?? null };
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("modeTitle")} description={t("modeHint")} />
        <div className="space-y-4 px-5 py-4">
          {p ? (
            <p className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("served")}>
              {t("serving")}{" "}
              <Badge
                tone={p.mode === "enforce" ? "good" : p.mode === "testing" ? "warn" : "neutral"}
              >
                {t("modeBadge", { mode: p.mode })}
              </Badge>
              {t.rich("servedLine", {
                maxAge: String(p.maxAge),
                id: p.policyId,
                since: formatUtcMinute(p.createdAt, locale),
                mono: (chunks) => <span className="font-mono">{chunks}</span>,
              })}
            </p>
          ) : (
            <Alert tone="info">{t("noPolicy")}</Alert>
          )}
          {p && canEdit ? (
            <div className="flex flex-wrap gap-2">
              {p.mode === "testing" ? (
                <ModeDialog
                  action="enforce"
                  consequences={[t("enforce1"), t("enforce2", { cached }), t("enforce3")]}
                  defaultMaxAge={s.enforceMaxAge.maxAge}
                  maxAgeNote={td(
                    s.enforceMaxAge.ref.key as Parameters<typeof td>[0],
                    s.enforceMaxAge.ref.params,
                  )}
                  unmet={unmet}
                  onConfirm={run("enforce")}
                  {...common}
                />
              ) : (
                <ModeDialog
                  action="rollback"
                  consequences={[t("rollback1"), t("rollback2", { cached })]}
                  defaultMaxAge={s.testingMaxAge}
                  maxAgeNote={t("rollbackNote")}
                  unmet={[]}
                  onConfirm={run("rollback")}
                  {...common}
                />
              )}
              {p.mode !== "none" ? (
                <ModeDialog
                  action="removal"
                  consequences={[t("removal1"), t("removal2")]}
                  defaultMaxAge={86400}
                  maxAgeNote={t("removalNote")}
                  unmet={[]}
                  onConfirm={run("removal")}
                  {...common}
                />
              ) : null}
            </div>
          ) : null}
          {p && !canEdit ? <p className="text-sm text-slate-600">{t("adminsOnly")}</p> : null}
          {changed ? <Alert tone="good">{t("changed", { id: changed })}</Alert> : null}
          {p ? <DnsStep domain={domain} policyId={p.policyId} /> : null}
        </div>
      </Card>
      <FreshCheck domain={domain} check={s.readiness.check} canRun={canEdit} />
      <ReadinessPanel readiness={s.readiness} verdictChange={s.verdictChange} />
      <Card>
        <CardHeader title={t("removalTitle")} description={t("removalHint")} />
        <div className="px-5 py-4">
          <RemovalSteps stages={s.removal} />
        </div>
      </Card>
    </div>
  );
}
