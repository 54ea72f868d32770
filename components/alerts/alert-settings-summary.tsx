import { useTranslations } from "next-intl";
import { ALERT_KINDS } from "@/lib/alerts/kinds";
import { redactWebhookUrl } from "@/lib/alerts/settings-rules";
import type { AlertSettingsView } from "@/lib/db/alerts/alert-settings";

/** The settings as a viewer sees them: the webhook's host only (its path may be a credential). */
export function AlertSettingsSummary({ s }: { s: AlertSettingsView }) {
  const t = useTranslations("alerts");
  const sent = ALERT_KINDS.filter((k) => k !== "TEST" && !s.disabledKinds.includes(k));
  return (
    <dl className="grid gap-2 p-5 text-sm sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium text-slate-700">{t("summary.email")}</dt>
      <dd>{s.emailEnabled ? s.emailRecipients.join(", ") : t("summary.off")}</dd>
      <dt className="font-medium text-slate-700">{t("summary.webhook")}</dt>
      <dd>
        {s.webhookEnabled
          ? t("summary.webhookValue", {
              url: redactWebhookUrl(s.webhookUrl),
              format: s.webhookFormat,
            })
          : t("summary.off")}
      </dd>
      <dt className="font-medium text-slate-700">{t("summary.sent")}</dt>
      <dd>{sent.length ? sent.map((k) => t(`kinds.${k}`)).join(", ") : t("summary.none")}</dd>
      <dt className="font-medium text-slate-700">{t("summary.language")}</dt>
      <dd lang={s.locale}>{t(`languages.${s.locale}`)}</dd>
    </dl>
  );
}
