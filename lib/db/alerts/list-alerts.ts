import { redactWebhookUrl } from "@/lib/alerts/settings-rules";
import { parseTextRefs, type AlertTextRefs } from "@/lib/alerts/text-refs";
import type { Db } from "../client";

// The alerts page's list (issue 14 §3): the newest alerts of a domain, each with its
// delivery per channel (status, attempts, the last error, when the next try is).

export interface DeliveryView {
  channel: "email" | "webhook";
  status: "pending" | "sent" | "failed";
  /** Addresses, or the webhook's scheme and host (its path may be a credential). */
  target: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
}

export interface AlertView {
  id: string;
  kind: string;
  subject: string;
  title: string;
  detail: string;
  fix: string;
  /** The texts as MessageRefs, for the page in German; null = English only. */
  i18n: AlertTextRefs | null;
  raisedAt: Date;
  deliveries: DeliveryView[];
}

function shownTarget(channel: string, target: string): string {
  if (channel === "email") return target.split(",").join(", ");
  const parsed = JSON.parse(target) as { url?: string };
  return redactWebhookUrl(parsed.url ?? "");
}

export async function listAlerts(db: Db, domainId: string, limit = 50): Promise<AlertView[]> {
  const rows = await db.alert.findMany({
    where: { domainId },
    orderBy: [{ raisedAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { deliveries: { orderBy: { channel: "asc" } } },
  });
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    subject: a.subject,
    title: a.title,
    detail: a.detail,
    fix: a.fix,
    i18n: parseTextRefs(a.i18n),
    raisedAt: a.raisedAt,
    deliveries: a.deliveries.map((d) => ({
      channel: d.channel === "email" ? "email" : "webhook",
      status: d.status === "sent" ? "sent" : d.status === "failed" ? "failed" : "pending",
      target: shownTarget(d.channel, d.target),
      attempts: d.attempts,
      lastError: d.lastError,
      nextAttemptAt: d.status === "pending" ? d.nextAttemptAt : null,
      sentAt: d.sentAt,
    })),
  }));
}
