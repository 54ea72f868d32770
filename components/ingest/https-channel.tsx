import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import type { ReportEndpoint } from "@/lib/config/report-endpoint";
import { CodeBlock } from "@/components/ui/scroll-region";

/** The rua URL for senders that deliver over HTTPS (RFC 8460 §3: rua=https://…). */
export function HttpsChannel({ endpoint }: { endpoint: ReportEndpoint }) {
  const url = endpoint.url;
  return (
    <Card>
      <CardHeader
        title="HTTPS endpoint"
        description="Reporters POST gzip or JSON reports here; no sign-in, rate-limited per sender."
      />
      <div className="space-y-3 px-5 py-4 text-sm">
        {url ? (
          <>
            <p>Put this in the rua of your _smtp._tls TXT record:</p>
            <CodeBlock
              label="Report URL"
              className="rounded bg-slate-50 p-3 text-xs"
              data-testid="rua-https"
            >
              {url}
            </CodeBlock>
            <CodeBlock
              label="_smtp._tls TXT record value"
              className="rounded bg-slate-50 p-3 text-xs"
            >
              {`v=TLSRPTv1; rua=${url}`}
            </CodeBlock>
          </>
        ) : (
          <Alert tone="warn">
            <span data-testid="rua-https-missing">{endpoint.problem}</span>
          </Alert>
        )}
      </div>
    </Card>
  );
}
