"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatUtcSecond } from "@/lib/core/format-date";
import { useVerification } from "@/lib/query/domain-mutations";
import { useRecordNotes } from "./record-notes";
import { VerifyButton } from "./verify-button";
import { Badge } from "@/components/ui/badge";
import type { DnsVerification, RecordCheck, RecordStatus } from "@/lib/rollout/types";

const TONE: Record<RecordStatus, "good" | "warn" | "bad"> = {
  match: "good",
  mismatch: "warn",
  missing: "bad",
  invalid: "bad",
  error: "warn",
};

function RecordResult({ r }: { r: RecordCheck }) {
  const t = useTranslations("wizard.dns");
  const notes = useRecordNotes();
  return (
    <li
      className="space-y-1 rounded-md border border-slate-200 p-3"
      aria-label={t("recordResult", { name: r.name })}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm">{r.name}</span>
        <Badge tone={TONE[r.status]}>{t("status", { status: r.status })}</Badge>
        {r.ttl !== null ? <span className="text-xs text-slate-500">TTL {r.ttl} s</span> : null}
      </div>
      <p className="text-xs text-slate-600">
        {t("found")}{" "}
        {r.found.length === 0
          ? t("nothing")
          : r.found.map((f) => (
              <code key={f} className="mr-2 break-all">
                {f}
              </code>
            ))}
      </p>
      {r.expected ? (
        <p className="text-xs text-slate-600">
          {t("expected")} <code className="break-all">{r.expected}</code>
        </p>
      ) : null}
      {notes(r).map((n) => (
        <p key={n} className="text-xs text-slate-700">
          {n}
        </p>
      ))}
    </li>
  );
}

export function VerifyDnsPanel({ domain, last }: { domain: string; last: DnsVerification | null }) {
  const t = useTranslations("wizard");
  const locale = useLocale();
  const verify = useVerification<DnsVerification>(domain, "dns");
  const v = verify.data ?? last;
  return (
    <div className="space-y-3 p-5">
      <VerifyButton verify={verify} label={t("dns.verify")} pendingLabel={t("dns.verifying")} />
      {v ? (
        <section aria-label={t("dns.result")} className="space-y-2">
          <p className="text-xs text-slate-500">
            {t("dns.lookedUp", { time: formatUtcSecond(v.at, locale) })}
          </p>
          <ul className="space-y-2">
            <RecordResult r={v.sts} />
            <RecordResult r={v.tlsRpt} />
          </ul>
        </section>
      ) : (
        <p className="text-sm text-slate-600">{t("verify.notYet")}</p>
      )}
    </div>
  );
}
