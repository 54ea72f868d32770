// Stub (owned by the alerts helper): the contract's signature; the real one records the
// alert, writes the "alert.raised" audit event and queues deliveries.
import type { AlertKind } from "@/lib/alerts/kinds";

export async function raiseAlert(a: {
  domainId: string;
  kind: AlertKind;
  subject: string;
  title: string;
  detail: string;
  fix: string;
  now?: Date;
}): Promise<"queued" | "suppressed" | "disabled"> {
  void a;
  return "disabled";
}
