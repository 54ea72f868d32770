import { withinRepeatWindow } from "@/lib/alerts/backoff";
import type { AlertKind } from "@/lib/alerts/kinds";
import type { AlertTextRefs } from "@/lib/alerts/text-refs";
import { alertRepeatHours } from "@/lib/config/alert-env";
import { recordAudit } from "../audit/audit";
import { getDb, type Db } from "../client";
import { getAlertSettings } from "./alert-settings";

// Issue 14 §3: an alert is recorded with one delivery per channel the domain has on, and
// an AuditEvent "alert.raised" (the domain's timeline shows it). Not sent: a kind the
// domain turned off, or no channel on ("disabled"; nothing is recorded), and a repeat of
// (domain, kind, subject) within the repeat window ("suppressed"). TEST is never
// suppressed: the button must always send.

export interface RaiseInput {
  domainId: string;
  kind: AlertKind;
  subject: string;
  title: string;
  detail: string;
  fix: string;
  /** The texts as MessageRefs, for alerts sent in German and the timeline (issue 16 §6). */
  i18n?: AlertTextRefs;
  now?: Date;
}

export type RaiseResult = "queued" | "suppressed" | "disabled";

export async function raiseAlert(a: RaiseInput): Promise<RaiseResult> {
  const r = await raiseAlertIn(await getDb(), a, { repeatHours: alertRepeatHours() });
  return r.result;
}

export async function raiseAlertIn(
  db: Db,
  a: RaiseInput,
  opts: { repeatHours: number },
): Promise<{ result: RaiseResult; alertId?: string }> {
  const now = a.now ?? new Date();
  const s = await getAlertSettings(db, a.domainId);
  const targets = [
    ...(s.emailEnabled && s.emailRecipients.length > 0
      ? [{ channel: "email", target: s.emailRecipients.join(",") }]
      : []),
    ...(s.webhookEnabled && s.webhookUrl
      ? [
          {
            channel: "webhook",
            target: JSON.stringify({ url: s.webhookUrl, format: s.webhookFormat }),
          },
        ]
      : []),
  ];
  if (s.disabledKinds.includes(a.kind) || targets.length === 0) return { result: "disabled" };
  return db.$transaction(async (tx) => {
    // Several app processes may raise the same alert at once: writing the domain's settings
    // row first (a no-op update) makes the second wait on PostgreSQL's row lock (SQLite has
    // one writer), so it sees the first alert and is suppressed.
    await tx.alertSettings.update({
      where: { domainId: a.domainId },
      data: { domainId: a.domainId },
    });
    if (a.kind !== "TEST") {
      const last = await tx.alert.findFirst({
        where: { domainId: a.domainId, kind: a.kind, subject: a.subject },
        orderBy: { raisedAt: "desc" },
        select: { raisedAt: true },
      });
      if (last && withinRepeatWindow(last.raisedAt, now, opts.repeatHours))
        return { result: "suppressed" as const };
    }
    const alert = await tx.alert.create({
      data: {
        domainId: a.domainId,
        kind: a.kind,
        subject: a.subject,
        title: a.title,
        detail: a.detail,
        fix: a.fix,
        i18n: a.i18n ? JSON.stringify(a.i18n) : null,
        raisedAt: now,
        deliveries: { create: targets.map((t) => ({ ...t, nextAttemptAt: now })) },
      },
    });
    await recordAudit(tx, {
      userId: null,
      actor: "system",
      action: "alert.raised",
      domainId: a.domainId,
      details: {
        alertId: alert.id,
        kind: a.kind,
        subject: a.subject,
        title: a.title,
        ...(a.i18n ? { i18n: { namespace: a.i18n.namespace, title: a.i18n.title } } : {}),
        channels: targets.map((t) => t.channel),
      },
    });
    return { result: "queued" as const, alertId: alert.id };
  });
}
