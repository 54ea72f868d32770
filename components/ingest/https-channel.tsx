import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import type { ReportEndpoint } from "@/lib/config/report-endpoint";
import { CodeBlock } from "@/components/ui/scroll-region";

/** The rua URL for senders that deliver over HTTPS (RFC 8460 §3: rua=https://…). */
export function HttpsChannel({ endpoint }: { endpoint: ReportEndpoint }) {
  const url = endpoint.url;
  const t = useTranslations("settings.https");
  const tr = useTranslations("settings.reportAddress");
  const problem = (endpoint.url === null ? endpoint.refs : [])
    .map((r) => tr(r.key as Parameters<typeof tr>[0], r.params))
    .join(" ");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <div className="space-y-3 px-5 py-4 text-sm">
        {url ? (
          <>
            <p>{t("putInRua")}</p>
            <CodeBlock
              label={t("reportUrl")}
              className="rounded bg-slate-50 p-3 text-xs"
              data-testid="rua-https"
            >
              {url}
            </CodeBlock>
            <CodeBlock label={t("txtValue")} className="rounded bg-slate-50 p-3 text-xs">
              {`v=TLSRPTv1; rua=${url}`}
            </CodeBlock>
          </>
        ) : (
          <Alert tone="warn">
            <span data-testid="rua-https-missing">{problem}</span>
          </Alert>
        )}
      </div>
    </Card>
  );
}
