import nodemailer from "nodemailer";
import type { SmtpConfig } from "@/lib/config/smtp";
import { NO_SMTP } from "./outcomes";
import { signedHeaders } from "./signing";

// The two ways out (issue 14 §3): SMTP through nodemailer and an HTTP POST. Each attempt
// ends in an outcome a person can read on the alerts page ("HTTP 500", "250 OK", the
// error); nothing here throws. The SMTP password is in the transport options only, never
// in an outcome or the log (nodemailer's own logger stays off).

export interface Outcome {
  ok: boolean;
  outcome: string;
}

export interface WebhookRequest {
  url: string;
  body: string;
  /** Standard Webhooks: signed with this secret at send time; absent for the slack format. */
  secret?: string;
  /** The webhook-id: the same for every attempt of one alert, so receivers can de-duplicate. */
  msgId: string;
}

export interface AlertChannels {
  sendMail(to: string[], mail: { subject: string; text: string; msgId: string }): Promise<Outcome>;
  postWebhook(req: WebhookRequest): Promise<Outcome>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

export function createAlertChannels(opts: {
  smtp: SmtpConfig | null;
  timeoutMs: number;
  userAgent: string;
}): AlertChannels {
  const transport = opts.smtp
    ? nodemailer.createTransport({
        ...opts.smtp.transport,
        connectionTimeout: opts.timeoutMs,
        greetingTimeout: opts.timeoutMs,
        socketTimeout: opts.timeoutMs,
        logger: false,
      })
    : null;
  return {
    async sendMail(to, mail) {
      if (!transport || !opts.smtp) return { ok: false, outcome: NO_SMTP };
      try {
        const info = await transport.sendMail({
          from: opts.smtp.from,
          to,
          subject: mail.subject,
          text: mail.text,
          headers: { "X-STS-Alert-Id": mail.msgId },
        });
        return { ok: true, outcome: String(info.response).slice(0, 200) };
      } catch (e) {
        return { ok: false, outcome: message(e) };
      }
    },
    async postWebhook(req) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "user-agent": opts.userAgent,
        ...(req.secret ? signedHeaders(req.secret, req.msgId, new Date(), req.body) : {}),
      };
      try {
        const res = await fetch(req.url, {
          method: "POST",
          headers,
          body: req.body,
          redirect: "manual",
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        await res.body?.cancel();
        return { ok: res.status >= 200 && res.status < 300, outcome: `HTTP ${res.status}` };
      } catch (e) {
        const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
        return { ok: false, outcome: `${message(e)}${cause}`.slice(0, 500) };
      }
    },
  };
}
