import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RegenerateSecretButton, TestAlertButton } from "@/components/alerts/alert-actions";
import { AlertList } from "@/components/alerts/alert-list";
import { AlertSettingsForm } from "@/components/alerts/alert-settings-form";
import { AlertSettingsSummary } from "@/components/alerts/alert-settings-summary";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { alertRepeatHours, alertSmtp } from "@/lib/config/alert-env";
import { getAlertSettings } from "@/lib/db/alerts/alert-settings";
import { listAlerts } from "@/lib/db/alerts/list-alerts";
import { getDb } from "@/lib/db/client";
import { loadDomain } from "../load-domain";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Alerts · ${decodeURIComponent((await params).name)}` };
}

function SmtpNote() {
  const smtp = alertSmtp();
  if (smtp.ok && smtp.value) return null;
  return (
    <Alert tone="warn">
      {smtp.ok
        ? "E-mail is not configured on this installation (STS_SMTP_URL, or STS_SMTP_HOST and STS_SMTP_FROM): e-mail alerts will fail until it is."
        : `E-mail is misconfigured: ${smtp.error}`}
    </Alert>
  );
}

export default async function AlertsPage({ params }: Props) {
  const user = await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const [settings, alerts] = await Promise.all([
    getAlertSettings(db, domain.id),
    listAlerts(db, domain.id),
  ]);
  const admin = user.role === "admin";
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Alerts"
          description={`Drift, expiry and report problems are sent where you look. A repeat of the same alert within ${alertRepeatHours()} hours is not sent again.`}
        />
        {admin ? (
          <>
            <div className="px-5 pt-4">
              <SmtpNote />
            </div>
            <AlertSettingsForm domain={domain.name} initial={settings} />
          </>
        ) : (
          <AlertSettingsSummary s={settings} />
        )}
      </Card>
      {admin ? (
        <Card>
          <CardHeader
            title="Test and signing secret"
            description="A test alert goes to every channel that is on, right away. Standard webhooks are signed with the domain's secret (see the README, “Webhook signature”)."
          />
          <div className="flex flex-wrap gap-6 p-5">
            <TestAlertButton domain={domain.name} />
            {settings.webhookFormat === "standard" ? (
              <RegenerateSecretButton domain={domain.name} has={settings.hasWebhookSecret} />
            ) : null}
          </div>
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title="Raised alerts"
          description="The newest 50, with each channel's delivery."
        />
        <AlertList alerts={alerts} />
      </Card>
    </div>
  );
}
