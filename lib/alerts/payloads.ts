import { ALERT_KIND_INFO, type AlertKind, type AlertSeverity } from "./kinds";

// What each channel sends for one alert (issue 14 §3). Pure: the same alert gives the same
// text, so tests compare exact bodies. The e-mail and the chat text carry the same lines.

export interface AlertMessage {
  /** The alert's id: the Standard Webhooks message id and the e-mail's reference. */
  id: string;
  /** The domain's display name (U-label). */
  domain: string;
  kind: AlertKind;
  subject: string;
  title: string;
  detail: string;
  fix: string;
  raisedAt: Date;
  /** A link to the domain's alerts page, when the installation knows its address. */
  link?: string;
}

export type WebhookFormat = "standard" | "slack" | "teams";
export const WEBHOOK_FORMATS = [
  "standard",
  "slack",
  "teams",
] as const satisfies readonly WebhookFormat[];

/** The Standard Webhooks event type of every alert. */
export const ALERT_EVENT_TYPE = "alert.raised";

/**
 * The human text around an alert in the e-mail and the chat formats, in one language
 * (issue 16 §6). Domain code stays free of the translation layer: ENGLISH_WORDING is the
 * English the tests and the webhook contract pin; lib/db/alerts/alert-wording.ts builds
 * the German one from messages/de/alertText.json and passes it in.
 */
export interface AlertWording {
  subject(domain: string, title: string): string;
  domain(domain: string): string;
  alert(kind: AlertKind, severity: AlertSeverity): string;
  about(subject: string): string;
  raised(at: string): string;
  whatToDo(fix: string): string;
  footer(domain: string): string;
}

export const ENGLISH_WORDING: AlertWording = {
  subject: (domain, title) => `[STS Rollout] ${domain}: ${title}`,
  domain: (domain) => `Domain: ${domain}`,
  alert: (kind, severity) => `Alert: ${kind} (${ALERT_KIND_INFO[kind].label}, ${severity})`,
  about: (subject) => `About: ${subject}`,
  raised: (at) => `Raised: ${at}`,
  whatToDo: (fix) => `What to do: ${fix}`,
  footer: (domain) =>
    `Sent by STS Rollout. Choose which alerts ${domain} sends on its Alerts page.`,
};

function lines(a: AlertMessage, w: AlertWording): string[] {
  const info = ALERT_KIND_INFO[a.kind];
  return [
    `${a.title}`,
    "",
    w.domain(a.domain),
    w.alert(a.kind, info.severity),
    w.about(a.subject),
    w.raised(a.raisedAt.toISOString()),
    "",
    a.detail,
    "",
    w.whatToDo(a.fix),
    ...(a.link ? ["", a.link] : []),
  ];
}

export function emailMessage(
  a: AlertMessage,
  w: AlertWording = ENGLISH_WORDING,
): { subject: string; text: string } {
  return {
    subject: w.subject(a.domain, a.title),
    text: `${lines(a, w).join("\n")}\n\n-- \n${w.footer(a.domain)}\n`,
  };
}

/** The Standard Webhooks body: {type, timestamp, data}. */
export function standardPayload(a: AlertMessage): string {
  const info = ALERT_KIND_INFO[a.kind];
  return JSON.stringify({
    type: ALERT_EVENT_TYPE,
    timestamp: a.raisedAt.toISOString(),
    data: {
      id: a.id,
      domain: a.domain,
      kind: a.kind,
      severity: info.severity,
      subject: a.subject,
      title: a.title,
      detail: a.detail,
      fix: a.fix,
      ...(a.link ? { link: a.link } : {}),
    },
  });
}

/** Slack incoming webhooks (and Mattermost, Rocket.Chat, Teams' legacy connectors) take a
 * JSON object with a `text` field. */
export function slackPayload(a: AlertMessage, w: AlertWording = ENGLISH_WORDING): string {
  const [title, , ...rest] = lines(a, w);
  return JSON.stringify({ text: [`*${title}*`, ...rest].join("\n") });
}

/** Microsoft Teams: its Workflows webhooks ("When a Teams webhook request is received") take
 * Adaptive Cards only, wrapped in a message; the retired Office 365 connectors took this too. */
export function teamsPayload(a: AlertMessage, w: AlertWording = ENGLISH_WORDING): string {
  const [title, , ...rest] = lines(a, w);
  return JSON.stringify({
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: title, weight: "Bolder", size: "Medium", wrap: true },
            {
              type: "TextBlock",
              text: rest.join("\n\n").replace(/(\n\n){2,}/g, "\n\n"),
              wrap: true,
            },
          ],
        },
      },
    ],
  });
}

/** The standard payload's field names and values other than the human texts (title,
 * detail, fix, translated before) never change with the language. */
export function webhookBody(
  format: WebhookFormat,
  a: AlertMessage,
  w: AlertWording = ENGLISH_WORDING,
): string {
  if (format === "slack") return slackPayload(a, w);
  if (format === "teams") return teamsPayload(a, w);
  return standardPayload(a);
}
