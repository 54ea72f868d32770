// Issue 14 §3: alerts reach real receivers on loopback: the exact e-mail through SMTP, a
// Standard Webhooks POST whose signature verifies, the Slack text body; a receiver that
// fails is retried with back-off, and one that stays down ends "failed", logged and listed.
import { simpleParser } from "mailparser";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { emailMessage } from "@/lib/alerts/payloads";
import {
  deadUrl,
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from "@/lib/alerts/receivers.test-utils";
import { logger } from "@/lib/log";
import { openTestDb, type TestDb } from "../db.test-utils";
import type { Actor } from "./alert-settings";
import { channels, configure, makeActor, makeDomain, min, mxAlert, T0 } from "./alerts.test-utils";
import { deliverPendingIn } from "./deliver-pending";
import { listAlerts } from "./list-alerts";
import { raiseAlertIn } from "./raise-alert";

let t: TestDb;
let actor: Actor;
let smtp: SmtpReceiver;
let hook: HttpReceiver;
let domainId: string;
const repeat = { repeatHours: 24 };

beforeAll(async () => {
  process.env.STS_SECRET ??= "test-secret-for-alert-webhooks";
  t = await openTestDb();
  actor = await makeActor(t.db);
  smtp = await startSmtpReceiver();
  hook = await startHttpReceiver();
});

beforeEach(async () => {
  await t.db.domain.deleteMany();
  domainId = await makeDomain(t.db, "example.org");
  smtp.mails.length = 0;
  hook.posts.length = 0;
  hook.statuses = [200];
});

afterAll(async () => {
  await Promise.all([smtp.close(), hook.close()]);
  await t.close();
});

describe("alert delivery", () => {
  it("sends the exact e-mail to every recipient through SMTP", async () => {
    await configure(t.db, domainId, actor, {
      emailEnabled: true,
      emailRecipients: ["ops@example.org", "oncall@example.org"],
    });
    const raised = await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    expect(raised.result).toBe("queued");
    expect(await deliverPendingIn(t.db, channels(smtp.port), T0)).toEqual({
      sent: 1,
      failed: 0,
      retrying: 0,
    });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe("sts@example.net");
    expect(mail.to).toEqual(["ops@example.org", "oncall@example.org"]);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe(
      "[STS Rollout] example.org: MX mx3.example.org is not covered by the policy",
    );
    expect(parsed.headers.get("x-sts-alert-id")).toBe(raised.alertId);
    const expected = emailMessage({
      ...mxAlert(domainId),
      id: raised.alertId!,
      domain: "example.org",
      raisedAt: T0,
    });
    expect(parsed.text).toBe(expected.text.trimEnd());
    expect(parsed.text).toContain("Alert: CHK-OPS-3 (MX host not covered by the policy, error)");
    const [alert] = await listAlerts(t.db, domainId);
    expect(alert?.deliveries).toMatchObject([
      { channel: "email", status: "sent", attempts: 1, lastError: null, sentAt: T0 },
    ]);
  });

  it("signs the standard webhook so Webhook.verify accepts it, and only with the secret", async () => {
    const secret = await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
    });
    expect(secret).toMatch(/^whsec_/);
    const raised = await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    expect(await deliverPendingIn(t.db, channels(), T0)).toEqual({
      sent: 1,
      failed: 0,
      retrying: 0,
    });
    expect(hook.posts).toHaveLength(1);
    const post = hook.posts[0]!;
    expect(post.headers["content-type"]).toBe("application/json");
    expect(post.headers["webhook-id"]).toBe(raised.alertId);
    expect(new Webhook(secret!).verify(post.body, post.headers)).toEqual({
      type: "alert.raised",
      timestamp: "2026-11-20T08:00:00.000Z",
      data: {
        id: raised.alertId,
        domain: "example.org",
        kind: "CHK-OPS-3",
        severity: "error",
        subject: "mx3.example.org",
        title: "MX mx3.example.org is not covered by the policy",
        detail: "The MX record mx3.example.org is not matched by any mx line of policy 20261101.",
        fix: "Add mx: mx3.example.org to the policy, publish it, then change the id.",
      },
    });
    const other = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    expect(() => new Webhook(other).verify(post.body, post.headers)).toThrow(
      "No matching signature found",
    );
  });

  it("posts the Slack format as {text} and unsigned", async () => {
    const secret = await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      webhookFormat: "slack",
    });
    expect(secret).toBeNull();
    await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    await deliverPendingIn(t.db, channels(), T0);
    expect(hook.posts).toHaveLength(1);
    expect(hook.posts[0]!.headers["webhook-signature"]).toBeUndefined();
    expect(JSON.parse(hook.posts[0]!.body)).toEqual({
      text: [
        "*MX mx3.example.org is not covered by the policy*",
        "Domain: example.org",
        "Alert: CHK-OPS-3 (MX host not covered by the policy, error)",
        "About: mx3.example.org",
        "Raised: 2026-11-20T08:00:00.000Z",
        "",
        "The MX record mx3.example.org is not matched by any mx line of policy 20261101.",
        "",
        "What to do: Add mx: mx3.example.org to the policy, publish it, then change the id.",
      ].join("\n"),
    });
  });

  it("posts the Teams format as an Adaptive Card message, unsigned", async () => {
    await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      webhookFormat: "teams",
    });
    await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    expect(await deliverPendingIn(t.db, channels(), T0)).toEqual({
      sent: 1,
      failed: 0,
      retrying: 0,
    });
    expect(hook.posts[0]!.headers["webhook-signature"]).toBeUndefined();
    expect(JSON.parse(hook.posts[0]!.body)).toEqual({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          contentUrl: null,
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            body: [
              {
                type: "TextBlock",
                text: "MX mx3.example.org is not covered by the policy",
                weight: "Bolder",
                size: "Medium",
                wrap: true,
              },
              {
                type: "TextBlock",
                text: [
                  "Domain: example.org",
                  "Alert: CHK-OPS-3 (MX host not covered by the policy, error)",
                  "About: mx3.example.org",
                  "Raised: 2026-11-20T08:00:00.000Z",
                  "The MX record mx3.example.org is not matched by any mx line of policy 20261101.",
                  "What to do: Add mx: mx3.example.org to the policy, publish it, then change the id.",
                ].join("\n\n"),
                wrap: true,
              },
            ],
          },
        },
      ],
    });
  });

  it("retries a receiver answering 500 twice after 1 and 5 minutes, sent on the 3rd attempt", async () => {
    hook.statuses = [500, 500, 200];
    await configure(t.db, domainId, actor, { webhookEnabled: true, webhookUrl: hook.url });
    await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    const ch = channels();
    expect(await deliverPendingIn(t.db, ch, T0)).toEqual({ sent: 0, failed: 0, retrying: 1 });
    expect(await deliverPendingIn(t.db, ch, new Date(T0.getTime() + 59_000))).toEqual({
      sent: 0,
      failed: 0,
      retrying: 0,
    });
    expect(await deliverPendingIn(t.db, ch, min(1))).toEqual({ sent: 0, failed: 0, retrying: 1 });
    expect(await deliverPendingIn(t.db, ch, min(5))).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(await deliverPendingIn(t.db, ch, min(6))).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(hook.posts).toHaveLength(3);
    const attempts = await t.db.alertAttempt.findMany({ orderBy: { id: "asc" } });
    expect(attempts.map((a) => [a.at, a.ok, a.outcome])).toEqual([
      [T0, false, "HTTP 500"],
      [min(1), false, "HTTP 500"],
      [min(6), true, "HTTP 200"],
    ]);
    const [alert] = await listAlerts(t.db, domainId);
    expect(alert?.deliveries).toMatchObject([
      { channel: "webhook", status: "sent", attempts: 3, lastError: null, sentAt: min(6) },
    ]);
  });

  it("marks a delivery to a receiver that stays down failed after 6 attempts, logged and listed", async () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    await configure(t.db, domainId, actor, { webhookEnabled: true, webhookUrl: await deadUrl() });
    const raised = await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    const ch = channels();
    const at = [0, 1, 6, 36, 156];
    for (const m of at)
      expect(await deliverPendingIn(t.db, ch, min(m))).toEqual({ sent: 0, failed: 0, retrying: 1 });
    const [pending] = await listAlerts(t.db, domainId);
    expect(pending?.deliveries[0]).toMatchObject({
      status: "pending",
      attempts: 5,
      nextAttemptAt: min(876),
    });
    expect(error).not.toHaveBeenCalled();
    expect(await deliverPendingIn(t.db, ch, min(876))).toEqual({ sent: 0, failed: 1, retrying: 0 });
    expect(await deliverPendingIn(t.db, ch, min(5000))).toEqual({
      sent: 0,
      failed: 0,
      retrying: 0,
    });
    const [alert] = await listAlerts(t.db, domainId);
    expect(alert?.deliveries).toMatchObject([
      { channel: "webhook", status: "failed", attempts: 6, nextAttemptAt: null, sentAt: null },
    ]);
    expect(alert?.deliveries[0]?.lastError).toMatch(
      /^fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    );
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatchObject({
      alertId: raised.alertId,
      channel: "webhook",
      attempts: 6,
    });
    expect(error.mock.calls[0]?.[1]).toBe("alert delivery failed for good");
    error.mockRestore();
  });

  it("records an e-mail attempt without SMTP settings as a failure naming the variables", async () => {
    await configure(t.db, domainId, actor, {
      emailEnabled: true,
      emailRecipients: ["ops@example.org"],
    });
    await raiseAlertIn(t.db, mxAlert(domainId), repeat);
    expect(await deliverPendingIn(t.db, channels(), T0)).toEqual({
      sent: 0,
      failed: 0,
      retrying: 1,
    });
    const [alert] = await listAlerts(t.db, domainId);
    expect(alert?.deliveries[0]?.lastError).toBe(
      "E-mail is not configured on this installation: set STS_SMTP_URL, or STS_SMTP_HOST and STS_SMTP_FROM.",
    );
  });
});
