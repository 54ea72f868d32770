import { ALERT_KIND_INFO, ALERT_KINDS } from "@/lib/alerts/kinds";
import { redactWebhookUrl } from "@/lib/alerts/settings-rules";
import type { AlertSettingsView } from "@/lib/db/alerts/alert-settings";

/** The settings as a viewer sees them: the webhook's host only (its path may be a credential). */
export function AlertSettingsSummary({ s }: { s: AlertSettingsView }) {
  const sent = ALERT_KINDS.filter((k) => k !== "TEST" && !s.disabledKinds.includes(k));
  return (
    <dl className="grid gap-2 p-5 text-sm sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium text-slate-700">E-mail</dt>
      <dd>{s.emailEnabled ? s.emailRecipients.join(", ") : "off"}</dd>
      <dt className="font-medium text-slate-700">Webhook</dt>
      <dd>{s.webhookEnabled ? `${redactWebhookUrl(s.webhookUrl)} (${s.webhookFormat})` : "off"}</dd>
      <dt className="font-medium text-slate-700">Alerts sent</dt>
      <dd>{sent.length ? sent.map((k) => ALERT_KIND_INFO[k].label).join(", ") : "none"}</dd>
    </dl>
  );
}
