"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { apiFetch, seg } from "@/lib/query/api-fetch";
import { CodeBlock } from "@/components/ui/scroll-region";
import { useRecordNotes } from "@/components/rollout/record-notes";
import type { MessageRef } from "@/lib/i18n/message-ref";

interface StsCheck {
  status: string;
  expected: string | null;
  found: string[];
  foundId: string | null;
  ttl: number | null;
  notes: string[];
  noteRefs?: (MessageRef | null)[];
}

// A live lookup on demand, not a change: a GET, so no invalidation or refresh after it.
const verify = (domain: string) =>
  apiFetch<StsCheck>("GET", `/api/domains/${seg(domain)}/enforce/dns`);

/** STS-OPS-5: the policy is already served; now the TXT id changes, and we check it live. */
export function DnsStep({ domain, policyId }: { domain: string; policyId: string }) {
  const t = useTranslations("enforce.dns");
  const m = useMutation({ mutationFn: () => verify(domain) });
  const notes = useRecordNotes();
  const record = `_mta-sts.${domain}. TXT "v=STSv1; id=${policyId}"`;
  return (
    <div className="space-y-2 text-sm">
      <p>
        {t.rich("intro", {
          id: policyId,
          mono: (chunks) => <span className="font-mono">{chunks}</span>,
        })}
      </p>
      <CodeBlock
        label={t("record")}
        className="rounded bg-slate-900 px-3 py-2 text-xs text-slate-100"
      >
        {record}
      </CodeBlock>
      <Button size="sm" variant="secondary" disabled={m.isPending} onClick={() => m.mutate()}>
        {m.isPending ? t("checking") : t("check")}
      </Button>
      {m.error ? <p className="text-red-700">{m.error.message}</p> : null}
      {m.data ? (
        <p
          role="status"
          className={m.data.status === "match" ? "text-emerald-800" : "text-amber-800"}
        >
          {m.data.status === "match"
            ? m.data.ttl !== null
              ? t("liveTtl", { id: policyId, ttl: String(m.data.ttl) })
              : t("live", { id: policyId })
            : m.data.notes.length > 0
              ? t("notLive", { detail: notes(m.data).join(" ") })
              : t("notLiveFound", { found: m.data.found.join(" | ") || t("nothing") })}
        </p>
      ) : null}
    </div>
  );
}
