import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("alerts");
  return { title: t("metaTitle", { domain: decodeURIComponent((await params).name) }) };
}

async function SmtpNote() {
  const smtp = alertSmtp();
  if (smtp.ok && smtp.value) return null;
  const t = await getTranslations("alerts");
  return (
    <Alert tone="warn">{smtp.ok ? t("smtpMissing") : t("smtpBad", { error: smtp.error })}</Alert>
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
  const t = await getTranslations("alerts");
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("title")}
          description={t("description", { hours: String(alertRepeatHours()) })}
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
          <CardHeader title={t("testTitle")} description={t("testDescription")} />
          <div className="flex flex-wrap gap-6 p-5">
            <TestAlertButton domain={domain.name} />
            {settings.webhookFormat === "standard" ? (
              <RegenerateSecretButton domain={domain.name} has={settings.hasWebhookSecret} />
            ) : null}
          </div>
        </Card>
      ) : null}
      <Card>
        <CardHeader title={t("listTitle")} description={t("listDescription")} />
        <AlertList alerts={alerts} />
      </Card>
    </div>
  );
}
