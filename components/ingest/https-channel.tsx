import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";

/** The rua URL for senders that deliver over HTTPS (RFC 8460 §3: rua=https://…). */
export function HttpsChannel({ publicUrl }: { publicUrl: string | null }) {
  const url = publicUrl ? `${publicUrl.replace(/\/+$/, "")}/api/reports/tlsrpt` : null;
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
            <pre
              className="overflow-x-auto rounded bg-slate-50 p-3 text-xs"
              data-testid="rua-https"
            >
              {url}
            </pre>
            <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs">
              {`v=TLSRPTv1; rua=${url}`}
            </pre>
          </>
        ) : (
          <Alert tone="warn">
            Set STS_PUBLIC_URL (the address reporters reach this app at, e.g.
            https://sts.example.com) to see the HTTPS rua URL.
          </Alert>
        )}
      </div>
    </Card>
  );
}
