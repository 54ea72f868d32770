import { Download } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HostingChoice } from "@/components/rollout/hosting-choice";
import { OrderWarning } from "@/components/rollout/order-warning";
import { SnippetList } from "@/components/rollout/snippet-list";
import { StepHeading } from "@/components/rollout/step-heading";
import { VerifyPublishPanel } from "@/components/rollout/verify-publish-panel";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { currentPolicyVersion } from "@/lib/db/policies/policies";
import { getHosting, loadRolloutFacts } from "@/lib/db/policies/rollout-step-facts";
import { hostedSnippets, selfHostedSnippets } from "@/lib/rollout/snippets";
import { rolloutState } from "@/lib/rollout/step-state";
import { loadDomain } from "../load-domain";
import { domainTitle } from "../page-title";
import { CodeBlock } from "@/components/ui/scroll-region";

function publicHost(): string {
  const url = settings().STS_PUBLIC_URL;
  return url ? new URL(url).hostname : "sts-rollout.example.net";
}

export const generateMetadata = domainTitle("Publish");

export default async function PublishPage({ params }: { params: Promise<{ name: string }> }) {
  const user = await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const [current, hosting, facts] = await Promise.all([
    currentPolicyVersion(db, domain.id),
    getHosting(db, domain.id),
    loadRolloutFacts(db, domain.id),
  ]);
  const url = `https://mta-sts.${domain.name}/.well-known/mta-sts.txt`;
  const t = await getTranslations("wizard.publish");
  const ts = await getTranslations("steps");
  return (
    <div className="space-y-6">
      <StepHeading n={3} title={t("title")} state={rolloutState(facts).publish} />
      {current === null ? (
        <Alert tone="warn">{ts("noPolicy")}</Alert>
      ) : (
        <OrderWarning facts={facts} />
      )}
      <Card>
        <CardHeader title={t("whoTitle")} description={t("whoHint", { url })} />
        <HostingChoice domain={domain.name} hosting={hosting} canEdit={user.role === "admin"} />
      </Card>
      {current ? (
        <Card>
          <CardHeader
            title={t("version", { id: current.policyId })}
            description={t("exactBytes")}
          />
          <div className="space-y-4 p-5">
            <CodeBlock
              label={t("currentPolicy")}
              className="rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
            >
              {current.body}
            </CodeBlock>
            {hosting === "hosted" ? (
              <>
                <p className="text-sm text-slate-600">
                  {t("hostedIntro", { domain: domain.name })}
                </p>
                <SnippetList
                  snippets={hostedSnippets(
                    domain.name,
                    `127.0.0.1:${settings().PORT}`,
                    publicHost(),
                  )}
                />
              </>
            ) : (
              <>
                <a
                  download="mta-sts.txt"
                  href={`data:text/plain;charset=utf-8,${encodeURIComponent(current.body)}`}
                  className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
                >
                  <Download aria-hidden className="size-4" />
                  {t("download")}
                </a>
                <SnippetList snippets={selfHostedSnippets(domain.name)} />
              </>
            )}
          </div>
        </Card>
      ) : null}
      <Card>
        <CardHeader title={t("verifyTitle")} description={t("verifyHint")} />
        <VerifyPublishPanel domain={domain.name} last={facts.publish} />
      </Card>
    </div>
  );
}
