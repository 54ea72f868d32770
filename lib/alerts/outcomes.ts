// The delivery outcomes that are our own words (issue 16 §6). An outcome is stored as the
// English text (alerts page, log, API); the other outcomes are the receiver's or the
// library's ("HTTP 500", "250 OK", a connection error) and are shown as they are.
// outcomeRef finds the message of the "alerts" namespace (`outcomes.*`) for one of ours,
// so the page can show it in the reader's language; kept free of nodemailer, for the client.
import type { MessageRef } from "../i18n/message-ref";

export const NO_SMTP =
  "E-mail is not configured on this installation: set STS_SMTP_URL, or STS_SMTP_HOST and STS_SMTP_FROM.";
export const NO_SIGNING_SECRET = "no signing secret: generate one on the Alerts page";
export const NOT_ATTEMPTED = "not attempted";
export const unknownKindOutcome = (kind: string): string => `unknown alert kind "${kind}"`;
export const signingSecretOutcome = (error: string): string => `signing secret: ${error}`;

const FIXED: Record<string, string> = {
  [NO_SMTP]: "noSmtp",
  [NO_SIGNING_SECRET]: "noSigningSecret",
  [NOT_ATTEMPTED]: "notAttempted",
};

/** The message for one of our outcomes, or null for the receiver's or library's words. */
export function outcomeRef(outcome: string): MessageRef | null {
  const fixed = FIXED[outcome];
  if (fixed) return { key: `outcomes.${fixed}` };
  const kind = /^unknown alert kind "(.*)"$/s.exec(outcome);
  if (kind) return { key: "outcomes.unknownKind", params: { kind: kind[1] ?? "" } };
  const secret = /^signing secret: (.*)$/s.exec(outcome);
  if (secret) return { key: "outcomes.signingSecret", params: { error: secret[1] ?? "" } };
  return null;
}
