// Issue 14 §3: per-domain, per-kind choice and repeat suppression. Same kind and subject
// twice within the window: one alert, one delivery to the receiver; a kind turned off or
// no channel on: nothing recorded or sent. Each alert writes AuditEvent "alert.raised".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHttpReceiver, type HttpReceiver } from "@/lib/alerts/receivers.test-utils";
import { unseal } from "@/lib/crypto/seal";
import { listAudit } from "../audit/audit";
import { openTestDb, type TestDb } from "../db.test-utils";
import { alertMetricsIn } from "../metrics/alert-metrics";
import {
  getAlertSettings,
  regenerateWebhookSecret,
  saveAlertSettings,
  type Actor,
} from "./alert-settings";
import {
  channels,
  configure,
  makeActor,
  makeDomain,
  min,
  mxAlert,
  off,
  T0,
} from "./alerts.test-utils";
import { deliverPendingIn } from "./deliver-pending";
import { raiseAlertIn } from "./raise-alert";
import { NO_CHANNEL, sendTestAlert } from "./send-test-alert";

let t: TestDb;
let actor: Actor;
let hook: HttpReceiver;
let domainId: string;
const repeat = { repeatHours: 24 };

beforeAll(async () => {
  process.env.STS_SECRET ??= "test-secret-for-alert-webhooks";
  t = await openTestDb();
  actor = await makeActor(t.db);
  hook = await startHttpReceiver();
});

beforeEach(async () => {
  await t.db.domain.deleteMany();
  await t.db.auditEvent.deleteMany();
  domainId = await makeDomain(t.db, "example.org");
  hook.posts.length = 0;
});

afterAll(async () => {
  await hook.close();
  await t.close();
});

describe("raiseAlert", () => {
  it("suppresses the same kind and subject within the window: one delivery", async () => {
    await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      webhookFormat: "slack",
    });
    expect((await raiseAlertIn(t.db, mxAlert(domainId), repeat)).result).toBe("queued");
    const again = mxAlert(domainId, { now: min(23 * 60) });
    expect(await raiseAlertIn(t.db, again, repeat)).toEqual({ result: "suppressed" });
    expect(await deliverPendingIn(t.db, channels(), min(23 * 60))).toEqual({
      sent: 1,
      failed: 0,
      retrying: 0,
    });
    expect(hook.posts).toHaveLength(1);
    expect(await t.db.alert.count()).toBe(1);
    // Another subject is another alert; the same one after the window alerts again.
    const other = mxAlert(domainId, { subject: "mx4.example.org", now: min(60) });
    expect((await raiseAlertIn(t.db, other, repeat)).result).toBe("queued");
    expect(
      (await raiseAlertIn(t.db, mxAlert(domainId, { now: min(24 * 60) }), repeat)).result,
    ).toBe("queued");
    expect(await t.db.alert.count()).toBe(3);
  });

  it("raises one alert when two raise the same one at the same moment", async () => {
    await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      webhookFormat: "slack",
    });
    const results = await Promise.all([
      raiseAlertIn(t.db, mxAlert(domainId), repeat),
      raiseAlertIn(t.db, mxAlert(domainId), repeat),
      raiseAlertIn(t.db, mxAlert(domainId), repeat),
    ]);
    expect(results.map((r) => r.result).sort()).toEqual(["queued", "suppressed", "suppressed"]);
    expect(await t.db.alertDelivery.count()).toBe(1);
  });

  it("never suppresses TEST: the button always sends", async () => {
    await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      webhookFormat: "slack",
    });
    const test = mxAlert(domainId, { kind: "TEST", subject: "test" });
    expect((await raiseAlertIn(t.db, test, repeat)).result).toBe("queued");
    expect((await raiseAlertIn(t.db, test, repeat)).result).toBe("queued");
  });

  it("does not send a kind the domain turned off, nor anything without a channel", async () => {
    expect(await raiseAlertIn(t.db, mxAlert(domainId), repeat)).toEqual({ result: "disabled" });
    await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      disabledKinds: ["CHK-OPS-3", "TEST"],
    });
    expect((await getAlertSettings(t.db, domainId)).disabledKinds).toEqual(["CHK-OPS-3"]);
    expect(await raiseAlertIn(t.db, mxAlert(domainId), repeat)).toEqual({ result: "disabled" });
    expect(await deliverPendingIn(t.db, channels(), T0)).toEqual({
      sent: 0,
      failed: 0,
      retrying: 0,
    });
    expect(hook.posts).toHaveLength(0);
    expect(await t.db.alert.count()).toBe(0);
    expect((await listAudit(t.db, { domainId })).map((e) => e.action)).toEqual(["alerts.settings"]);
  });

  it("writes AuditEvent alert.raised for the domain with the kind, subject and channels", async () => {
    await configure(t.db, domainId, actor, {
      emailEnabled: true,
      emailRecipients: ["ops@example.org"],
    });
    const r = await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    const [raised] = await listAudit(t.db, { domainId });
    expect(raised).toMatchObject({
      actor: "system",
      action: "alert.raised",
      domainId,
      details: {
        alertId: r.alertId,
        kind: "CHK-OPS-3",
        subject: "mx3.example.org",
        title: "MX mx3.example.org is not covered by the policy",
        channels: ["email"],
      },
    });
  });
});

describe("alert settings", () => {
  it("refuses bad input with a message naming it, storing nothing", async () => {
    const bad = (over: Partial<typeof off>) =>
      saveAlertSettings(t.db, domainId, { ...off, ...over }, actor);
    expect(await bad({ emailEnabled: true })).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: "E-mail alerts are on but no recipient is given.",
        ref: { key: "noRecipient" },
      },
    });
    expect(await bad({ emailRecipients: ["ops@example.org", "not-an-address"] })).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: '"not-an-address" is not an e-mail address.',
        ref: { key: "notAnAddress", params: { address: "not-an-address" } },
      },
    });
    expect(await bad({ webhookEnabled: true })).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: "The webhook is on but has no URL.",
        ref: { key: "webhookNoUrl" },
      },
    });
    expect(await bad({ webhookUrl: "ftp://example.org/x" })).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: "The webhook URL must start with https:// (or http:// inside your network).",
        ref: { key: "webhookScheme" },
      },
    });
    expect(await t.db.alertSettings.count()).toBe(0);
  });

  it("stores the signing secret sealed, and a regenerated one replaces it", async () => {
    const first = await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
    });
    const row = await t.db.alertSettings.findUniqueOrThrow({ where: { domainId } });
    expect(row.webhookSecretSealed).not.toContain(first!.slice(6));
    expect(unseal(row.webhookSecretSealed!)).toEqual({ ok: true, value: first });
    // A second save keeps the secret and does not show it again.
    expect(
      await configure(t.db, domainId, actor, { webhookEnabled: true, webhookUrl: hook.url }),
    ).toBeNull();
    const second = await regenerateWebhookSecret(t.db, domainId, actor);
    expect(second).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(second).not.toBe(first);
    const after = await t.db.alertSettings.findUniqueOrThrow({ where: { domainId } });
    expect(unseal(after.webhookSecretSealed!)).toEqual({ ok: true, value: second });
  });
});

describe("alertMetrics", () => {
  it("counts sent and failed deliveries per channel", async () => {
    await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      webhookFormat: "slack",
    });
    await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    await deliverPendingIn(t.db, channels(), T0);
    const samples = await alertMetricsIn(t.db);
    expect(samples.map((s) => [s.name, s.labels.channel, s.value])).toEqual([
      ["sts_alerts_sent_total", "email", 0],
      ["sts_alerts_failed_total", "email", 0],
      ["sts_alerts_sent_total", "webhook", 1],
      ["sts_alerts_failed_total", "webhook", 0],
    ]);
  });
});

describe("sendTestAlert", () => {
  it("delivers a TEST alert at once and answers each channel's outcome", async () => {
    const domain = { id: domainId, displayName: "example.org" };
    const by = { by: "ada@example.org", now: T0 };
    expect(await sendTestAlert(t.db, domain, channels(), by)).toEqual({
      ok: false,
      error: { kind: "conflict", message: NO_CHANNEL, ref: { key: "noAlertChannel" } },
    });
    await configure(t.db, domainId, actor, {
      emailEnabled: true,
      emailRecipients: ["ops@example.org"],
      webhookEnabled: true,
      webhookUrl: hook.url,
    });
    expect(await sendTestAlert(t.db, domain, channels(), by)).toEqual({
      ok: true,
      value: [
        {
          channel: "email",
          status: "pending",
          outcome: expect.stringMatching(/^E-mail is not configured/),
        },
        { channel: "webhook", status: "sent", outcome: "HTTP 200" },
      ],
    });
    expect(JSON.parse(hook.posts[0]!.body)).toMatchObject({
      data: { kind: "TEST", title: "Test alert for example.org", severity: "info" },
    });
  });
});
