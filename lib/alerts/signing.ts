import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

// Standard Webhooks signing (issue 14 §3): the receiver recomputes
// base64(HMAC-SHA256(secret, "<webhook-id>.<webhook-timestamp>.<body>")) and compares it
// with the "v1,<signature>" in webhook-signature. The secret is "whsec_" + base64 of 32
// random bytes, the format the scheme's libraries take as is.

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function isWebhookSecret(s: string): boolean {
  return /^whsec_[A-Za-z0-9+/]{43}=$/.test(s);
}

/** The three headers a signed request carries. */
export function signedHeaders(
  secret: string,
  msgId: string,
  at: Date,
  body: string,
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(msgId, at, body),
  };
}
