import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { CopyBlock, CopyButton } from "@/components/rollout/copy-button";
import { OrderWarning } from "@/components/rollout/order-warning";
import { StepHeading } from "@/components/rollout/step-heading";
import { VerifyDnsPanel } from "@/components/rollout/verify-dns-panel";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { reportDestination, reportEndpoint } from "@/lib/config/report-endpoint";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { loadRolloutFacts } from "@/lib/db/policies/rollout-step-facts";
import {
  bindSnippet,
  stsRecordName,
  stsRecordValue,
  tlsRptRecordName,
  tlsRptRecordValue,
} from "@/lib/rollout/records";
import { rolloutState } from "@/lib/rollout/step-state";
import { loadDomain } from "../load-domain";
import { domainTitle } from "../page-title";

function RecordRow({ name, value }: { name: string; value: string }) {
  const t = useTranslations("wizard.dns");
  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 p-3"
      aria-label={t("record", { name })}
    >
      <div className="min-w-0 flex-1 font-mono text-sm">
        <div>{name}</div>
        <div className="text-xs text-slate-500">TXT</div>
        <div className="break-all">&quot;{value}&quot;</div>
      </div>
      <CopyButton text={name} label={t("copyName", { name })} />
      <CopyButton text={value} label={t("copyValue", { name })} />
    </div>
  );
}

export const generateMetadata = domainTitle("DNS records");

export default async function DnsPage({ params }: { params: Promise<{ name: string }> }) {
  await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const facts = await loadRolloutFacts(db, domain.id);
  const rua = reportDestination();
  const endpoint = reportEndpoint();
  const id = facts.policy?.policyId ?? null;
  const t = await getTranslations("wizard.dns");
  const ts = await getTranslations("steps");
  const tr = await getTranslations("settings.reportAddress");
  // Issue 16: the same sentences Settings shows (reportEndpoint), one source, in the
  // reader's language.
  const notices = (endpoint.url === null ? [endpoint.refs] : rua.noticeRefs.map((r) => [r])).map(
    (refs) => refs.map((r) => tr(r.key as Parameters<typeof tr>[0], r.params)).join(" "),
  );
  return (
    <div className="space-y-6">
      <StepHeading n={4} title={t("title")} state={rolloutState(facts).dns} />
      {id === null ? <Alert tone="warn">{ts("noPolicy")}</Alert> : <OrderWarning facts={facts} />}
      <Card>
        <CardHeader title={t("recordsTitle")} description={t("recordsHint")} />
        <div className="space-y-3 p-5">
          {rua.uris.length > 0 ? (
            <RecordRow name={tlsRptRecordName(domain.name)} value={tlsRptRecordValue(rua.uris)} />
          ) : null}
          {notices.map((p) => (
            <Alert key={p} tone="warn">
              <span data-testid="report-destination-notice">{p}</span>
            </Alert>
          ))}
          {id ? <RecordRow name={stsRecordName(domain.name)} value={stsRecordValue(id)} /> : null}
          {id ? (
            <CopyBlock text={bindSnippet(domain.name, id, rua.uris)} label={t("bind")} />
          ) : null}
        </div>
      </Card>
      <Card>
        <CardHeader title={t("verifyTitle")} description={t("verifyHint")} />
        <VerifyDnsPanel domain={domain.name} last={facts.dns} />
      </Card>
    </div>
  );
}
