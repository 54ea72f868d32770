// Issue 16 §6: alert messages go through the translation layer in the domain's alert
// language (AlertSettings.locale). A German domain gets the exact German e-mail and chat
// text for real watch findings (WATCH-CERT, CHK-OPS-3), the Standard Webhooks payload keeps
// its English field names and machine values; an English domain's messages stay exactly
// as before. Real SMTP and HTTP receivers on loopback.
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailMessage } from "@/lib/alerts/payloads";
import {
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from "@/lib/alerts/receivers.test-utils";
import { detectCertExpiry } from "@/lib/watch/cert-expiry";
import { detectUncoveredMx } from "@/lib/watch/mx-coverage";
import type { Finding } from "@/lib/watch/types";
import { facts, input, run, version } from "@/lib/watch/watch.test-utils";
import { openTestDb, type TestDb } from "../db.test-utils";
import type { Actor } from "./alert-settings";
import { getAlertSettings } from "./alert-settings";
import { channels, configure, makeActor, makeDomain, T0 } from "./alerts.test-utils";
import { deliverPendingIn } from "./deliver-pending";
import { raiseAlertIn, type RaiseInput } from "./raise-alert";

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
  domainId = await makeDomain(t.db, "example.com");
  smtp.mails.length = 0;
  hook.posts.length = 0;
  hook.statuses = [200];
});

afterAll(async () => {
  await Promise.all([smtp.close(), hook.close()]);
  await t.close();
});

/** WATCH-CERT: mx1's certificate expires in 5 days (lib/watch's own scenario). */
function certFinding(): Finding {
  const f = facts({
    certs: [
      {
        role: "mx",
        host: "mx1.example.com",
        address: "192.0.2.1",
        subject: "CN=mx1.example.com",
        validTo: "2026-12-05T13:00:00.000Z",
        fingerprint256: "AA:BB",
      },
    ],
  });
  const found = detectCertExpiry(input({ runs: [run("2026-11-30T11:00:00Z", f)] })).findings[0];
  if (!found) throw new Error("no WATCH-CERT finding");
  return found;
}

/** CHK-OPS-3: the MX moved to a host the enforce policy does not list. */
function mxFinding(): Finding {
  const before = facts();
  const after = facts({ mx: { status: "ok", hosts: ["mx.newprovider.net"] } });
  const found = detectUncoveredMx(
    input({
      runs: [run("2026-11-30T11:00:00Z", after), run("2026-11-29T11:00:00Z", before)],
      versions: [version(1, "v1", "enforce", ["mx1.example.com"], "2026-11-01T00:00:00Z")],
    }),
  ).findings[0];
  if (!found) throw new Error("no CHK-OPS-3 finding");
  return found;
}

const raiseOf = (f: Finding): RaiseInput => ({
  domainId,
  kind: f.kind,
  subject: f.subject,
  title: f.title,
  detail: f.detail,
  fix: f.fix,
  ...(f.i18n ? { i18n: f.i18n } : {}),
  now: T0,
});

async function mailFor(f: Finding) {
  const raised = await raiseAlertIn(t.db, raiseOf(f), repeat);
  expect(raised.result).toBe("queued");
  await deliverPendingIn(t.db, channels(smtp.port), T0);
  const mail = smtp.mails.at(-1);
  if (!mail) throw new Error("no mail");
  return { id: raised.alertId!, parsed: await simpleParser(mail.raw) };
}

describe("alert messages in the domain's alert language (issue 16 §6)", () => {
  it("WATCH-CERT and CHK-OPS-3 e-mails in German: exact subject and body", async () => {
    await configure(t.db, domainId, actor, {
      emailEnabled: true,
      emailRecipients: ["ops@example.com"],
      locale: "de",
    });
    expect((await getAlertSettings(t.db, domainId)).locale).toBe("de");

    const cert = await mailFor(certFinding());
    expect(cert.parsed.subject).toBe(
      "[STS Rollout] example.com: Das Zertifikat von mx1.example.com läuft in 5 Tagen ab",
    );
    expect(cert.parsed.text).toBe(
      [
        "Das Zertifikat von mx1.example.com läuft in 5 Tagen ab",
        "",
        "Domain: example.com",
        "Alarm: WATCH-CERT (Zertifikat läuft bald ab, Warnung)",
        "Betrifft: mx1.example.com",
        "Ausgelöst: 20.11.2026 08:00:00 UTC",
        "",
        "MX-Host mx1.example.com (192.0.2.1): Subject CN=mx1.example.com; gültig bis 05.12.2026 13:00:00 UTC; SHA-256 AA:BB.",
        "",
        "Was zu tun ist: Erneuern Sie das Zertifikat auf mx1.example.com und prüfen Sie, ob die automatische Erneuerung funktioniert: im Erzwingungsmodus stellen Absender nicht an einen MX zu, dessen Zertifikat abgelaufen ist.",
        "",
        "-- ",
        "Gesendet von STS Rollout. Welche Alarme example.com sendet, wählen Sie auf der Alarme-Seite der Domain.",
      ].join("\n"),
    );

    const mx = await mailFor(mxFinding());
    expect(mx.parsed.subject).toBe(
      "[STS Rollout] example.com: Der MX-Host mx.newprovider.net ist nicht von der Richtlinie abgedeckt",
    );
    expect(mx.parsed.text).toContain(
      "Alarm: CHK-OPS-3 (MX-Host nicht von der Richtlinie abgedeckt, Fehler)",
    );
    expect(mx.parsed.text).toContain(
      "MX-Hosts von example.com: mx.newprovider.net; die Richtlinie mit mode: enforce (id v1) nennt mx: mx1.example.com. mx.newprovider.net ist seit der Prüfung vom 29.11.2026 11:00 UTC neu.",
    );
    expect(mx.parsed.text).toContain(
      'Was zu tun ist: Fügen Sie "mx: mx.newprovider.net" (oder einen Platzhalter, der ihn abdeckt) zur Richtlinie hinzu,',
    );
  });

  it("an English domain's e-mail is exactly lib's English text (unchanged)", async () => {
    await configure(t.db, domainId, actor, {
      emailEnabled: true,
      emailRecipients: ["ops@example.com"],
    });
    const f = certFinding();
    const { id, parsed } = await mailFor(f);
    const english = emailMessage({
      ...raiseOf(f),
      kind: "WATCH-CERT",
      id,
      domain: "example.com",
      raisedAt: T0,
    });
    expect(parsed.subject).toBe(
      "[STS Rollout] example.com: The certificate of mx1.example.com expires in 5 days",
    );
    expect(parsed.subject).toBe(english.subject);
    expect(parsed.text).toBe(english.text.trimEnd());
    expect(parsed.text).toContain("Alert: WATCH-CERT (Certificate expires soon, warning)");
  });

  it("webhooks in German: Slack text translated; Standard Webhooks keeps its field names", async () => {
    await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      webhookFormat: "slack",
      locale: "de",
    });
    await raiseAlertIn(t.db, raiseOf(certFinding()), repeat);
    await deliverPendingIn(t.db, channels(), T0);
    const slack = JSON.parse(hook.posts[0]!.body) as { text: string };
    expect(slack.text.split("\n").slice(0, 4)).toEqual([
      "*Das Zertifikat von mx1.example.com läuft in 5 Tagen ab*",
      "Domain: example.com",
      "Alarm: WATCH-CERT (Zertifikat läuft bald ab, Warnung)",
      "Betrifft: mx1.example.com",
    ]);

    await configure(t.db, domainId, actor, {
      webhookEnabled: true,
      webhookUrl: hook.url,
      webhookFormat: "standard",
      locale: "de",
    });
    await raiseAlertIn(t.db, raiseOf(mxFinding()), repeat);
    await deliverPendingIn(t.db, channels(), T0);
    const std = JSON.parse(hook.posts[1]!.body) as { type: string; data: Record<string, string> };
    expect(std.type).toBe("alert.raised");
    expect(Object.keys(std.data)).toEqual([
      "id",
      "domain",
      "kind",
      "severity",
      "subject",
      "title",
      "detail",
      "fix",
    ]);
    expect(std.data).toMatchObject({
      domain: "example.com",
      kind: "CHK-OPS-3",
      severity: "error",
      subject: "mx.newprovider.net",
      title: "Der MX-Host mx.newprovider.net ist nicht von der Richtlinie abgedeckt",
    });
  });
});
