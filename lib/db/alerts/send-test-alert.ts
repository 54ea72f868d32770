import type { AlertChannels } from "@/lib/alerts/channels";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";
import type { Db } from "../client";
import { deliverPendingIn } from "./deliver-pending";
import { raiseAlertIn } from "./raise-alert";
import { NOT_ATTEMPTED } from "@/lib/alerts/outcomes";

// The "Send a test alert" button (issue 14 §3): raises kind TEST and delivers it at once,
// answering what each channel did. A failed test delivery is retried like any alert.

export interface TestOutcome {
  channel: "email" | "webhook";
  status: "sent" | "pending" | "failed";
  outcome: string;
}

export const NO_CHANNEL = "Turn on e-mail or a webhook and save before sending a test alert.";

export async function sendTestAlert(
  db: Db,
  domain: { id: string; displayName: string },
  channels: AlertChannels,
  opts: { by: string; now?: Date; linkBase?: string },
): Promise<Result<TestOutcome[], Failure>> {
  const now = opts.now ?? new Date();
  const raised = await raiseAlertIn(
    db,
    {
      domainId: domain.id,
      kind: "TEST",
      subject: "test",
      title: `Test alert for ${domain.displayName}`,
      detail: `${opts.by} sent this test from the Alerts page. Nothing is wrong with ${domain.displayName}.`,
      fix: "Nothing to do: alerts reach you here.",
      i18n: {
        namespace: "alertText",
        title: { key: "test.title", params: { domain: domain.displayName } },
        detail: { key: "test.detail", params: { by: opts.by, domain: domain.displayName } },
        fix: { key: "test.fix" },
      },
      now,
    },
    { repeatHours: 0 },
  );
  if (!raised.alertId) return err(failure("conflict", NO_CHANNEL, { key: "noAlertChannel" }));
  await deliverPendingIn(db, channels, now, { alertId: raised.alertId, linkBase: opts.linkBase });
  const deliveries = await db.alertDelivery.findMany({
    where: { alertId: raised.alertId },
    orderBy: { channel: "asc" },
    include: { log: { orderBy: { id: "desc" }, take: 1 } },
  });
  return ok(
    deliveries.map((d) => ({
      channel: d.channel === "email" ? "email" : "webhook",
      status: d.status === "sent" ? "sent" : d.status === "failed" ? "failed" : "pending",
      outcome: d.log[0]?.outcome ?? NOT_ATTEMPTED,
    })),
  );
}
