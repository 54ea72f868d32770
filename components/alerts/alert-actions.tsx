"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRegenerateWebhookSecret, useSendTestAlert } from "@/lib/query/alert-mutations";
import { SecretOnce } from "./secret-once";

const CHANNEL = { email: "E-mail", webhook: "Webhook" } as const;
const STATUS = {
  sent: "sent",
  pending: "not delivered yet, will retry",
  failed: "failed",
} as const;

export function TestAlertButton({ domain }: { domain: string }) {
  const test = useSendTestAlert(domain);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={test.isPending}
        onClick={() => test.mutate()}
      >
        {test.isPending ? "Sending…" : "Send a test alert"}
      </Button>
      {test.error ? <Alert tone="bad">{test.error.message}</Alert> : null}
      {test.data ? (
        <ul aria-label="Test alert result" className="space-y-1">
          {test.data.deliveries.map((d) => (
            <li key={d.channel}>
              <Alert tone={d.status === "sent" ? "good" : "bad"}>
                {CHANNEL[d.channel]}: {STATUS[d.status]} ({d.outcome})
              </Alert>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function RegenerateSecretButton({ domain, has }: { domain: string; has: boolean }) {
  const regen = useRegenerateWebhookSecret(domain);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={regen.isPending}
        onClick={() => regen.mutate()}
      >
        {has ? "Generate a new signing secret" : "Generate a signing secret"}
      </Button>
      {regen.error ? <Alert tone="bad">{regen.error.message}</Alert> : null}
      {regen.data ? <SecretOnce secret={regen.data.secret} /> : null}
    </div>
  );
}
