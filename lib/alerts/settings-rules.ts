import { err, ok, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/locale";
import { ALERT_KINDS, type AlertKind } from "./kinds";
import { WEBHOOK_FORMATS, type WebhookFormat } from "./payloads";

// The per-domain alert settings an admin saves, checked before anything is stored: each
// refusal names the field and the value. Webhooks may point at private or loopback
// addresses on purpose: only admins set them, and chat servers inside the network
// (Mattermost, an internal relay) are common; the app follows no redirects and reads only
// the status code, so the answer of an internal service never reaches a page.

export interface AlertSettingsInput {
  emailEnabled: boolean;
  emailRecipients: string[];
  webhookEnabled: boolean;
  webhookUrl: string;
  webhookFormat: WebhookFormat;
  /** Kinds turned off (TEST cannot be: the button always sends). */
  disabledKinds: AlertKind[];
  /** The language of the alert messages (issue 16 §6); left out = keep the saved one. */
  locale?: Locale;
}

// Each refusal is a Failure with its "apiErrors" message (issue 16 §6): the route answers
// in the user's language; the English is what it always was.
const invalid = (message: string, key: string, params?: Record<string, string | number>) =>
  failure("invalid", message, params ? { key, params } : { key });

export const MAX_RECIPIENTS = 20;
const ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** Addresses separated by commas, semicolons, spaces or new lines. */
export function parseRecipients(text: string): Result<string[], Failure> {
  const list = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
  const bad = list.find((a) => !ADDRESS.test(a) || a.length > 254);
  if (bad)
    return err(invalid(`"${bad}" is not an e-mail address.`, "notAnAddress", { address: bad }));
  if (list.length > MAX_RECIPIENTS)
    return err(
      invalid(`At most ${MAX_RECIPIENTS} recipients.`, "tooManyRecipients", {
        max: MAX_RECIPIENTS,
      }),
    );
  return ok(list);
}

export function webhookUrlProblem(url: string): Failure | null {
  if (!URL.canParse(url)) return invalid(`"${url}" is not a URL.`, "notAUrl", { url });
  const u = new URL(url);
  if (u.protocol !== "https:" && u.protocol !== "http:")
    return invalid(
      "The webhook URL must start with https:// (or http:// inside your network).",
      "webhookScheme",
    );
  if (url.length > 2000)
    return invalid("The webhook URL is longer than 2000 characters.", "webhookTooLong");
  return null;
}

export function checkAlertSettings(input: AlertSettingsInput): Result<AlertSettingsInput, Failure> {
  if (input.emailEnabled && input.emailRecipients.length === 0)
    return err(invalid("E-mail alerts are on but no recipient is given.", "noRecipient"));
  const recipients = parseRecipients(input.emailRecipients.join(","));
  if (!recipients.ok) return recipients;
  const url = input.webhookUrl.trim();
  if (input.webhookEnabled && !url)
    return err(invalid("The webhook is on but has no URL.", "webhookNoUrl"));
  if (url) {
    const problem = webhookUrlProblem(url);
    if (problem) return err(problem);
  }
  if (!(WEBHOOK_FORMATS as readonly string[]).includes(input.webhookFormat)) {
    const format = String(input.webhookFormat);
    return err(invalid(`Unknown webhook format "${format}".`, "unknownWebhookFormat", { format }));
  }
  const unknown = input.disabledKinds.find((k) => !(ALERT_KINDS as readonly string[]).includes(k));
  if (unknown)
    return err(invalid(`Unknown alert kind "${unknown}".`, "unknownAlertKind", { kind: unknown }));
  if (input.locale !== undefined && !isLocale(input.locale)) {
    const locale = String(input.locale);
    const locales = LOCALES.join(", ");
    return err(
      invalid(
        `Unknown alert language "${locale}": use one of ${locales}.`,
        "unknownAlertLanguage",
        { locale, locales },
      ),
    );
  }
  return ok({
    ...input,
    emailRecipients: recipients.value,
    webhookUrl: url,
    disabledKinds: [...new Set(input.disabledKinds.filter((k) => k !== "TEST"))],
  });
}

/** Where a webhook goes, for people who may not see the whole URL (its path is often the
 * credential, as with Slack's): the scheme and host only. */
export function redactWebhookUrl(url: string): string {
  return URL.canParse(url) ? `${new URL(url).origin}/…` : "";
}
