import { ALERT_KIND_INFO, type AlertKind } from "./kinds";

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

function lines(a: AlertMessage): string[] {
  const info = ALERT_KIND_INFO[a.kind];
  return [
    `${a.title}`,
    "",
    `Domain: ${a.domain}`,
    `Alert: ${a.kind} (${info.label}, ${info.severity})`,
    `About: ${a.subject}`,
    `Raised: ${a.raisedAt.toISOString()}`,
    "",
    a.detail,
    "",
    `What to do: ${a.fix}`,
    ...(a.link ? ["", a.link] : []),
  ];
}

export function emailMessage(a: AlertMessage): { subject: string; text: string } {
  return {
    subject: `[STS Rollout] ${a.domain}: ${a.title}`,
    text: `${lines(a).join("\n")}\n\n-- \nSent by STS Rollout. Choose which alerts ${a.domain} sends on its Alerts page.\n`,
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
export function slackPayload(a: AlertMessage): string {
  const [title, , ...rest] = lines(a);
  return JSON.stringify({ text: [`*${title}*`, ...rest].join("\n") });
}

/** Microsoft Teams: its Workflows webhooks ("When a Teams webhook request is received") take
 * Adaptive Cards only, wrapped in a message; the retired Office 365 connectors took this too. */
export function teamsPayload(a: AlertMessage): string {
  const [title, , ...rest] = lines(a);
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

export function webhookBody(format: WebhookFormat, a: AlertMessage): string {
  if (format === "slack") return slackPayload(a);
  if (format === "teams") return teamsPayload(a);
  return standardPayload(a);
}
