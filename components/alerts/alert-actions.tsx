"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRegenerateWebhookSecret, useSendTestAlert } from "@/lib/query/alert-mutations";
import { SecretOnce } from "./secret-once";
import { useOutcomeText } from "./use-outcome-text";

export function TestAlertButton({ domain }: { domain: string }) {
  const t = useTranslations("alerts.actions");
  const test = useSendTestAlert(domain);
  const outcome = useOutcomeText();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={test.isPending}
        onClick={() => test.mutate()}
      >
        {test.isPending ? t("sending") : t("send")}
      </Button>
      {test.error ? <Alert tone="bad">{test.error.message}</Alert> : null}
      {test.data ? (
        <ul aria-label={t("resultLabel")} className="space-y-1">
          {test.data.deliveries.map((d) => (
            <li key={d.channel}>
              <Alert tone={d.status === "sent" ? "good" : "bad"}>
                {t("result", {
                  channel: d.channel,
                  status: d.status,
                  outcome: outcome(d.outcome),
                })}
              </Alert>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function RegenerateSecretButton({ domain, has }: { domain: string; has: boolean }) {
  const t = useTranslations("alerts.actions");
  const regen = useRegenerateWebhookSecret(domain);
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={regen.isPending}
        onClick={() => regen.mutate()}
      >
        {t("regenerate", { has: has ? "yes" : "no" })}
      </Button>
      {regen.error ? <Alert tone="bad">{regen.error.message}</Alert> : null}
      {regen.data ? <SecretOnce secret={regen.data.secret} /> : null}
    </div>
  );
}
