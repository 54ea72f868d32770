"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatUtcSecond } from "@/lib/core/format-date";
import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { Label } from "@/components/ui/input";
import { lineDiff } from "@/lib/rollout/line-diff";
import { DiffView } from "./diff-view";
import { ScrollTable } from "@/components/ui/scroll-region";

export interface VersionRow {
  policyId: string;
  mode: string;
  maxAge: number;
  reason: string;
  actor: string;
  createdAt: string;
  body: string;
}

/** Every version, newest first, and a diff between any two of them. */
export function PolicyHistory({ versions }: { versions: VersionRow[] }) {
  const t = useTranslations("wizard.policy");
  const locale = useLocale();
  const [from, setFrom] = useState(versions[1]?.policyId ?? versions[0]?.policyId ?? "");
  const [to, setTo] = useState(versions[0]?.policyId ?? "");
  const a = versions.find((v) => v.policyId === from);
  const b = versions.find((v) => v.policyId === to);
  const select = (id: string, value: string, set: (v: string) => void) => (
    <select
      id={id}
      value={value}
      onChange={(e) => set(e.target.value)}
      className="h-9 rounded-md border border-slate-300 px-2 font-mono text-sm"
    >
      {versions.map((v) => (
        <option key={v.policyId} value={v.policyId}>
          {v.policyId}
        </option>
      ))}
    </select>
  );
  return (
    <Card>
      <CardHeader title={t("historyTitle")} description={t("historyHint")} />
      {versions.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">{t("noVersions")}</p>
      ) : (
        <div className="space-y-4 p-5">
          <ScrollTable className="w-full text-left text-sm" label="Policy versions">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1">{t("colId")}</th>
                <th>{t("colMode")}</th>
                <th>{t("colMaxAge")}</th>
                <th>{t("colWhy")}</th>
                <th>{t("colBy")}</th>
                <th>{t("colSaved")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {versions.map((v, i) => (
                <tr key={v.policyId}>
                  <td className="py-1 font-mono">
                    {v.policyId}
                    {i === 0 ? (
                      <span className="ml-2 text-xs text-emerald-700">{t("current")}</span>
                    ) : null}
                  </td>
                  <td>{v.mode}</td>
                  <td>{v.maxAge}</td>
                  <td>{v.reason}</td>
                  <td>{v.actor}</td>
                  <td>{formatUtcSecond(v.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {versions.length > 1 ? (
            <div className="space-y-2">
              <div className="flex flex-wrap items-end gap-3">
                <div className="space-y-1">
                  <Label htmlFor="diff-from">{t("compare")}</Label>
                  {select("diff-from", from, setFrom)}
                </div>
                <div className="space-y-1">
                  <Label htmlFor="diff-to">{t("with")}</Label>
                  {select("diff-to", to, setTo)}
                </div>
              </div>
              {a && b ? <DiffView lines={lineDiff(a.body, b.body)} label={t("diffLabel")} /> : null}
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}
