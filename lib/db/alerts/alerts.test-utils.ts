import { createAlertChannels, type AlertChannels } from "@/lib/alerts/channels";
import type { AlertSettingsInput } from "@/lib/alerts/settings-rules";
import type { Db } from "../client";
import { saveAlertSettings, type Actor } from "./alert-settings";
import type { RaiseInput } from "./raise-alert";

// Shared set-up of the alert tests: a domain, its settings, and the real channels pointed
// at the loopback receivers of lib/alerts/receivers.test-utils.ts.

export const T0 = new Date("2026-11-20T08:00:00.000Z");
export const FROM = "STS Rollout <sts@example.net>";
export const min = (n: number) => new Date(T0.getTime() + n * 60_000);

export async function makeDomain(db: Db, name: string): Promise<string> {
  const d = await db.domain.create({ data: { name, displayName: name } });
  return d.id;
}

export async function makeActor(db: Db): Promise<Actor> {
  const u = await db.user.create({
    data: { email: "alerts-admin@example.com", name: "A", passwordHash: "x", role: "admin" },
  });
  return { userId: u.id, email: u.email };
}

export const off: AlertSettingsInput = {
  emailEnabled: false,
  emailRecipients: [],
  webhookEnabled: false,
  webhookUrl: "",
  webhookFormat: "standard",
  disabledKinds: [],
};

/** Saves settings; returns the signing secret the save generated, if any. */
export async function configure(
  db: Db,
  domainId: string,
  actor: Actor,
  over: Partial<AlertSettingsInput>,
): Promise<string | null> {
  const r = await saveAlertSettings(db, domainId, { ...off, ...over }, actor);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.newSecret;
}

export function channels(smtpPort?: number): AlertChannels {
  return createAlertChannels({
    smtp: smtpPort
      ? { transport: { host: "127.0.0.1", port: smtpPort, secure: false }, from: FROM }
      : null,
    timeoutMs: 3000,
    userAgent: "STS-Rollout/test",
  });
}

export const mxAlert = (domainId: string, over: Partial<RaiseInput> = {}): RaiseInput => ({
  domainId,
  kind: "CHK-OPS-3",
  subject: "mx3.example.org",
  title: "MX mx3.example.org is not covered by the policy",
  detail: "The MX record mx3.example.org is not matched by any mx line of policy 20261101.",
  fix: "Add mx: mx3.example.org to the policy, publish it, then change the id.",
  now: T0,
  ...over,
});
