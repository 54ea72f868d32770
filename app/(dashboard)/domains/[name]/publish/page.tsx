import { Download } from "lucide-react";
import { notFound } from "next/navigation";
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
  return (
    <div className="space-y-6">
      <StepHeading n={3} title="Publish the policy" state={rolloutState(facts).publish} />
      {current === null ? (
        <Alert tone="warn">There is no policy yet: create one in step 2 first.</Alert>
      ) : (
        <OrderWarning facts={facts} />
      )}
      <Card>
        <CardHeader
          title="Who serves the policy"
          description={`Senders fetch ${url}: HTTPS, status 200, text/plain, no redirects.`}
        />
        <HostingChoice domain={domain.name} hosting={hosting} canEdit={user.role === "admin"} />
      </Card>
      {current ? (
        <Card>
          <CardHeader
            title={`Version ${current.policyId}`}
            description="The exact bytes to serve."
          />
          <div className="space-y-4 p-5">
            <CodeBlock
              label="Current policy"
              className="rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
            >
              {current.body}
            </CodeBlock>
            {hosting === "hosted" ? (
              <>
                <p className="text-sm text-slate-600">
                  This installation already answers for mta-sts.{domain.name} by the Host header.
                  Point the name at it behind a TLS-terminating proxy that gets a certificate for
                  mta-sts.{domain.name}:
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
                  Download mta-sts.txt
                </a>
                <SnippetList snippets={selfHostedSnippets(domain.name)} />
              </>
            )}
          </div>
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title="Verify"
          description="Fetches the policy live, exactly as senders do, and compares it byte for byte with the current version."
        />
        <VerifyPublishPanel domain={domain.name} last={facts.publish} />
      </Card>
    </div>
  );
}
