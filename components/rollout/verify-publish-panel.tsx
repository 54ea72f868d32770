"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatUtcSecond } from "@/lib/core/format-date";
import { useVerification } from "@/lib/query/domain-mutations";
import { VerifyButton } from "./verify-button";
import { Alert } from "@/components/ui/alert";
import type { PublishVerification } from "@/lib/rollout/types";
import { DiffView } from "./diff-view";

export function VerifyPublishPanel({
  domain,
  last,
}: {
  domain: string;
  last: PublishVerification | null;
}) {
  const t = useTranslations("wizard");
  const locale = useLocale();
  const verify = useVerification<PublishVerification>(domain, "publish");
  const v = verify.data ?? last;
  return (
    <div className="space-y-3 p-5">
      <VerifyButton
        verify={verify}
        label={t("publish.verify")}
        pendingLabel={t("publish.verifying")}
      />
      {v ? (
        <section aria-label={t("publish.result")} className="space-y-2 text-sm">
          {v.ok ? (
            <Alert tone="good">{t("publish.served", { id: v.policyId ?? "", url: v.url })}</Alert>
          ) : (
            <Alert tone="warn">
              <ul className="list-disc pl-4">
                {v.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          )}
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
            <dt className="text-slate-500">{t("publish.checked")}</dt>
            <dd>
              {formatUtcSecond(v.at, locale)}
              {v.address ? ` · ${v.address}` : ""}
            </dd>
            <dt className="text-slate-500">{t("publish.status")}</dt>
            <dd className="font-mono">{v.statusLine ?? "—"}</dd>
            <dt className="text-slate-500">{t("publish.contentType")}</dt>
            <dd className="font-mono">{v.contentType ?? "—"}</dd>
            <dt className="text-slate-500">{t("publish.certificate")}</dt>
            <dd className="break-all">{v.certificate ?? "—"}</dd>
          </dl>
          {v.diff.length > 0 ? (
            <div className="space-y-1">
              <p className="font-medium">{t("publish.diffIntro")}</p>
              <DiffView lines={v.diff} label={t("publish.diffLabel")} />
            </div>
          ) : null}
        </section>
      ) : (
        <p className="text-sm text-slate-600">{t("verify.notYet")}</p>
      )}
    </div>
  );
}
