import { seal } from "@/lib/crypto/seal";
import { ALERT_KINDS, type AlertKind } from "@/lib/alerts/kinds";
import { WEBHOOK_FORMATS, type WebhookFormat } from "@/lib/alerts/payloads";
import { checkAlertSettings, type AlertSettingsInput } from "@/lib/alerts/settings-rules";
import { newWebhookSecret } from "@/lib/alerts/signing";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import type { Failure } from "@/lib/core/failure";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { recordAudit } from "../audit/audit";
import type { Db } from "../client";

// A domain's alert settings (issue 14 §3). The webhook signing secret is generated here,
// sealed before it is stored (like IMAP passwords) and handed back once, to be shown once;
// AlertSettingsView only says whether there is one.

export interface AlertSettingsView extends AlertSettingsInput {
  hasWebhookSecret: boolean;
  locale: Locale;
}

export interface Actor {
  userId: string;
  email: string;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettingsView = {
  emailEnabled: false,
  emailRecipients: [],
  webhookEnabled: false,
  webhookUrl: "",
  webhookFormat: "standard",
  disabledKinds: [],
  hasWebhookSecret: false,
  locale: "en",
};

function parseKinds(json: string): AlertKind[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? ALERT_KINDS.filter((k) => v.includes(k)) : [];
}

export async function getAlertSettings(db: Db, domainId: string): Promise<AlertSettingsView> {
  const r = await db.alertSettings.findUnique({ where: { domainId } });
  if (!r) return DEFAULT_ALERT_SETTINGS;
  return {
    emailEnabled: r.emailEnabled,
    emailRecipients: r.emailRecipients.split(",").filter(Boolean),
    webhookEnabled: r.webhookEnabled,
    webhookUrl: r.webhookUrl,
    webhookFormat: WEBHOOK_FORMATS.find((f) => f === r.webhookFormat) ?? "standard",
    disabledKinds: parseKinds(r.disabledKinds),
    hasWebhookSecret: r.webhookSecretSealed !== null,
    locale: isLocale(r.locale) ? r.locale : "en",
  };
}

/** The sealed signing secret, for delivery only. */
export async function sealedWebhookSecret(db: Db, domainId: string): Promise<string | null> {
  const r = await db.alertSettings.findUnique({
    where: { domainId },
    select: { webhookSecretSealed: true },
  });
  return r?.webhookSecretSealed ?? null;
}

export interface SavedAlertSettings {
  settings: AlertSettingsView;
  /** A signing secret made by this save (the first standard webhook): show it once. */
  newSecret: string | null;
}

export async function saveAlertSettings(
  db: Db,
  domainId: string,
  input: AlertSettingsInput,
  actor: Actor,
): Promise<Result<SavedAlertSettings, Failure>> {
  const checked = checkAlertSettings(input);
  if (!checked.ok) return err(checked.error);
  const v = checked.value;
  const had = await sealedWebhookSecret(db, domainId);
  const wantsSecret = v.webhookEnabled && v.webhookFormat === "standard" && had === null;
  const newSecret = wantsSecret ? newWebhookSecret() : null;
  const data = {
    emailEnabled: v.emailEnabled,
    emailRecipients: v.emailRecipients.join(","),
    webhookEnabled: v.webhookEnabled,
    webhookUrl: v.webhookUrl,
    webhookFormat: v.webhookFormat satisfies WebhookFormat,
    disabledKinds: JSON.stringify(v.disabledKinds),
    ...(v.locale ? { locale: v.locale } : {}),
    ...(newSecret ? { webhookSecretSealed: seal(newSecret) } : {}),
  };
  await db.$transaction(async (tx) => {
    await tx.alertSettings.upsert({
      where: { domainId },
      create: { domainId, ...data },
      update: data,
    });
    await recordAudit(tx, {
      userId: actor.userId,
      actor: actor.email,
      action: "alerts.settings",
      domainId,
      details: {
        email: v.emailEnabled ? v.emailRecipients.length : 0,
        webhook: v.webhookEnabled ? v.webhookFormat : "off",
        disabledKinds: v.disabledKinds,
        ...(v.locale ? { locale: v.locale } : {}),
        ...(newSecret ? { secret: "generated" } : {}),
      },
    });
  });
  return ok({ settings: await getAlertSettings(db, domainId), newSecret });
}

/** A new signing secret replaces the old one at once; the plain value is returned once. */
export async function regenerateWebhookSecret(
  db: Db,
  domainId: string,
  actor: Actor,
): Promise<string> {
  const secret = newWebhookSecret();
  const sealed = seal(secret);
  await db.$transaction(async (tx) => {
    await tx.alertSettings.upsert({
      where: { domainId },
      create: { domainId, webhookSecretSealed: sealed },
      update: { webhookSecretSealed: sealed },
    });
    await recordAudit(tx, {
      userId: actor.userId,
      actor: actor.email,
      action: "alerts.secret",
      domainId,
      details: { secret: "regenerated" },
    });
  });
  return secret;
}
