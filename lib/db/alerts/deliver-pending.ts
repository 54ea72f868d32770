import { nextAttemptAfter } from "@/lib/alerts/backoff";
import type { AlertChannels, Outcome } from "@/lib/alerts/channels";
import { isAlertKind } from "@/lib/alerts/kinds";
import {
  emailMessage,
  webhookBody,
  type AlertMessage,
  type AlertWording,
  type WebhookFormat,
} from "@/lib/alerts/payloads";
import { parseTextRefs } from "@/lib/alerts/text-refs";
import { isLocale } from "@/lib/i18n/locale";
import { alertLinkBase } from "@/lib/config/alert-env";
import { unseal } from "@/lib/crypto/seal";
import { logger } from "@/lib/log";
import { getDb, type Db } from "../client";
import { sealedWebhookSecret } from "./alert-settings";
import { alertTexts, alertWording } from "./alert-wording";
import { alertChannelsFromEnv } from "./env-channels";
import { NO_SIGNING_SECRET, signingSecretOutcome, unknownKindOutcome } from "@/lib/alerts/outcomes";

// Issue 14 §3: sends every delivery that is due, records each attempt (AlertAttempt) and
// reschedules a failure with back-off (lib/alerts/backoff.ts) until it is sent or, after
// the last retry, marked failed and logged: never dropped. A delivery is claimed for a
// few minutes before it is sent, so two processes never send it both.

export interface DeliverySummary {
  sent: number;
  failed: number;
  retrying: number;
}

const CLAIM_MS = 5 * 60_000;
const BATCH = 100;

export async function deliverPendingAlerts(now?: Date): Promise<DeliverySummary> {
  return deliverPendingIn(await getDb(), alertChannelsFromEnv(), now ?? new Date(), {
    linkBase: alertLinkBase(),
  });
}

type Due = Awaited<ReturnType<typeof dueDeliveries>>[number];

function dueDeliveries(db: Db, now: Date, alertId?: string) {
  return db.alertDelivery.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      ...(alertId ? { alertId } : {}),
    },
    include: {
      alert: {
        include: {
          domain: {
            select: { name: true, displayName: true, alertSettings: { select: { locale: true } } },
          },
        },
      },
    },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
  });
}

export async function deliverPendingIn(
  db: Db,
  channels: AlertChannels,
  now: Date,
  opts: { alertId?: string; linkBase?: string } = {},
): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, failed: 0, retrying: 0 };
  for (const d of await dueDeliveries(db, now, opts.alertId)) {
    const claimed = await db.alertDelivery.updateMany({
      where: {
        id: d.id,
        status: "pending",
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      data: { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count === 0) continue;
    const result = await attempt(db, channels, d, opts.linkBase);
    summary[await record(db, d, result, now)] += 1;
  }
  return summary;
}

/** The alert as its domain's alert language writes it (issue 16 §6), with that wording. */
function messageOf(d: Due, linkBase?: string): { msg: AlertMessage; wording: AlertWording } | null {
  const a = d.alert;
  if (!isAlertKind(a.kind)) return null;
  const stored = a.domain.alertSettings?.locale;
  const locale = isLocale(stored) ? stored : "en";
  return {
    msg: {
      id: a.id,
      domain: a.domain.displayName,
      kind: a.kind,
      subject: a.subject,
      ...alertTexts(
        locale,
        { title: a.title, detail: a.detail, fix: a.fix },
        parseTextRefs(a.i18n),
      ),
      raisedAt: a.raisedAt,
      ...(linkBase ? { link: `${linkBase}/domains/${a.domain.name}/alerts` } : {}),
    },
    wording: alertWording(locale),
  };
}

async function attempt(db: Db, ch: AlertChannels, d: Due, linkBase?: string): Promise<Outcome> {
  const m = messageOf(d, linkBase);
  if (!m) return { ok: false, outcome: unknownKindOutcome(d.alert.kind) };
  const { msg, wording } = m;
  if (d.channel === "email") {
    return ch.sendMail(d.target.split(","), { ...emailMessage(msg, wording), msgId: msg.id });
  }
  const { url, format } = JSON.parse(d.target) as { url: string; format: WebhookFormat };
  const body = webhookBody(format, msg, wording);
  if (format !== "standard") return ch.postWebhook({ url, body, msgId: msg.id });
  const sealed = await sealedWebhookSecret(db, d.alert.domainId);
  if (!sealed) return { ok: false, outcome: NO_SIGNING_SECRET };
  const secret = unseal(sealed);
  if (!secret.ok) return { ok: false, outcome: signingSecretOutcome(secret.error.message) };
  return ch.postWebhook({ url, body, msgId: msg.id, secret: secret.value });
}

async function record(db: Db, d: Due, r: Outcome, now: Date): Promise<keyof DeliverySummary> {
  const attempts = d.attempts + 1;
  const next = r.ok ? null : nextAttemptAfter(attempts, now);
  const status = r.ok ? "sent" : next ? "pending" : "failed";
  await db.$transaction([
    db.alertAttempt.create({ data: { deliveryId: d.id, at: now, ok: r.ok, outcome: r.outcome } }),
    db.alertDelivery.update({
      where: { id: d.id },
      data: {
        attempts,
        status,
        claimedUntil: null,
        nextAttemptAt: next,
        lastError: r.ok ? null : r.outcome,
        ...(r.ok ? { sentAt: now } : {}),
      },
    }),
  ]);
  if (status === "failed") {
    logger.error(
      {
        alertId: d.alertId,
        domain: d.alert.domain.name,
        kind: d.alert.kind,
        channel: d.channel,
        attempts,
        error: r.outcome,
      },
      "alert delivery failed for good",
    );
    return "failed";
  }
  return status === "sent" ? "sent" : "retrying";
}
