import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PolicyBehaviour } from "@/e2e/servers/policy-server";
import { startTestWorld, type DomainSpec, type TestWorld } from "@/e2e/servers/world";
import type { AlertKind } from "@/lib/alerts/kinds";
import {
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from "@/lib/alerts/receivers.test-utils";
import { runJobNow } from "@/lib/scheduler/start";
import { saveAlertSettings } from "../alerts/alert-settings";
import { deliverPendingAlerts, type DeliverySummary } from "../alerts/deliver-pending";
import { getDb, type Db } from "../client";
import { createTestActor } from "../db.test-utils";
import { addDomain } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { settleVerdicts } from "../readiness/verdict-queue";

// Issue 14 "Done when": an expiring certificate (WATCH-CERT), an MX change (CHK-OPS-3) and
// a policy edit without an id change (CHK-OPS-1), produced for real by the lab's DNS, HTTPS
// and SMTP servers, each raise the right alert once, by e-mail to a real SMTP receiver and
// by a signed webhook to a real HTTP receiver. Everything runs as the app runs it: settings
// from the environment (lib/config), the process database (getDb), the "recheck-domains"
// job started through the scheduler's Run now path (check, then watchDomain, per domain),
// then deliverPendingAlerts(). The cases run in order: each pass re-checks all 3 domains,
// so the first pass is the clean baseline of the MX and policy cases.

const CASES = ["certs", "mx", "body"] as const;
type Case = (typeof CASES)[number];
const nameOf = (c: Case) => `${c}.alerts.test`;
const SPARE = "mx.spare.alerts.test";
const FROM = "sts-alerts@example.net";

let smtp: SmtpReceiver;
let hook: HttpReceiver;
let world: TestWorld;
let db: Db;
let dir: string;
const behaviour = new Map<Case, PolicyBehaviour>();
const ids = new Map<Case, string>();
const secrets = new Map<string, string>();

function spec(c: Case): DomainSpec {
  const b: PolicyBehaviour = { body: "" };
  behaviour.set(c, b);
  const cert = c === "certs" ? ("expiring-soon" as const) : ("good" as const);
  return {
    name: nameOf(c),
    mx: [{ host: `mx.${nameOf(c)}`, cert }],
    policy: { behaviour: b, cert },
    stsTxt: ["v=STSv1; id=0"],
  };
}

beforeAll(async () => {
  [smtp, hook] = await Promise.all([startSmtpReceiver(), startHttpReceiver()]);
  world = await startTestWorld({
    domains: [...CASES.map(spec), { name: "spare.alerts.test", mx: [{ host: SPARE }] }],
  });
  dir = mkdtempSync(path.join(os.tmpdir(), "sts-alerts-lab-"));
  writeFileSync(path.join(dir, "lab-ca.pem"), world.caPem);
  // The operator's settings, read once by lib/config (settings(), secrets(), smtp.ts).
  const env: Record<string, string> = {
    DATABASE_URL: `file:${path.join(dir, "sts.db")}`,
    STS_SECRET: "integration-secret-for-alert-webhooks",
    NEXTAUTH_URL: "",
    STS_SMTP_URL: "",
    STS_SMTP_HOST: "127.0.0.1",
    STS_SMTP_PORT: String(smtp.port),
    STS_SMTP_SECURE: "0",
    STS_SMTP_FROM: `STS Rollout <${FROM}>`,
    STS_DNS_SERVERS: world.dnsServer,
    STS_CHECK_ALLOW_PRIVATE: "1",
    STS_EXTRA_CA_FILE: path.join(dir, "lab-ca.pem"),
    STS_ALERT_REPEAT_HOURS: "24",
  };
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  db = await getDb();
  const actor = await createTestActor(db);
  for (const c of CASES) {
    const d = await addDomain(db, { name: nameOf(c), displayName: nameOf(c) }, actor);
    if (!d.ok) throw new Error(d.error);
    ids.set(c, d.value.id);
    const policy = { mode: "enforce" as const, maxAge: 604800, mx: [`mx.${nameOf(c)}`] };
    const v = await createPolicyVersion(db, d.value.id, policy, "create", actor);
    if (!v.ok) throw new Error(v.error);
    (behaviour.get(c) as PolicyBehaviour).body = v.value.body;
    world.setTxt(`_mta-sts.${nameOf(c)}`, [`v=STSv1; id=${v.value.policyId}`]);
    const saved = await saveAlertSettings(
      db,
      d.value.id,
      {
        emailEnabled: true,
        emailRecipients: [`ops@${nameOf(c)}`],
        webhookEnabled: true,
        webhookUrl: hook.url,
        webhookFormat: "standard",
        disabledKinds: [],
      },
      actor,
    );
    if (!saved.ok || !saved.value.newSecret) throw new Error("no webhook secret");
    secrets.set(nameOf(c), saved.value.newSecret);
  }
}, 60_000);

afterAll(async () => {
  if (db) {
    await settleVerdicts(db);
    await db.$disconnect();
  }
  await Promise.all([world?.stop(), smtp?.close(), hook?.close()]);
  vi.unstubAllEnvs();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** "Run now" of the re-check job; waits for its JobRun row as the settings page reads it. */
async function runRecheck(): Promise<{ status: string; error: string | null }> {
  const started = await runJobNow("recheck-domains");
  if (!started.ok) throw new Error(started.error.message);
  for (;;) {
    const r = await db.jobRun.findFirst({
      where: { job: "recheck-domains", slot: started.value.slot },
    });
    if (r && r.status !== "running") return { status: r.status, error: r.error };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Seen {
  to: string[];
  subject: string;
  kindLine: string;
  alertId: string;
}

/** One scheduled pass: the job, then delivery; what the receivers got during it. */
async function pass() {
  const mails0 = smtp.mails.length;
  const posts0 = hook.posts.length;
  const job = await runRecheck();
  const delivered: DeliverySummary = await deliverPendingAlerts();
  const mails: Seen[] = [];
  for (const m of smtp.mails.slice(mails0)) {
    expect(m.from).toBe(FROM);
    const p = await simpleParser(m.raw);
    mails.push({
      to: m.to,
      subject: p.subject ?? "",
      kindLine: p.text?.split("\n").find((l) => l.startsWith("Alert: ")) ?? "",
      alertId: String(p.headers.get("x-sts-alert-id")),
    });
  }
  // Each POST verified with the signing secret of the domain it names (Standard Webhooks).
  const posts = hook.posts.slice(posts0).map((p) => {
    const claimed = (JSON.parse(p.body) as { data: { domain: string } }).data.domain;
    const payload = new Webhook(secrets.get(claimed) ?? "").verify(p.body, p.headers) as {
      type: string;
      data: { id: string; domain: string; kind: string; subject: string; title: string };
    };
    for (const [other, s] of secrets)
      if (other !== claimed) expect(() => new Webhook(s).verify(p.body, p.headers)).toThrow();
    const { id, domain, kind, subject, title } = payload.data;
    return {
      type: payload.type,
      webhookId: p.headers["webhook-id"],
      id,
      domain,
      kind,
      subject,
      title,
    };
  });
  const by = <T>(xs: T[], key: (x: T) => string) =>
    [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  return { job, delivered, mails: by(mails, (m) => m.subject), posts: by(posts, (p) => p.title) };
}

type Expected = { domain: string; kind: AlertKind; label: string; subject: string; title: string };

/** The one mail and the one POST an alert must produce, matched to each other by alert id. */
function expectAlerts(r: Awaited<ReturnType<typeof pass>>, want: Expected[]) {
  expect(r.job).toEqual({ status: "done", error: null });
  expect(r.delivered).toEqual({ sent: want.length * 2, failed: 0, retrying: 0 });
  expect(r.mails.map(({ to, subject, kindLine }) => ({ to, subject, kindLine }))).toEqual(
    want.map((w) => ({
      to: [`ops@${w.domain}`],
      subject: `[STS Rollout] ${w.domain}: ${w.title}`,
      kindLine: `Alert: ${w.kind} (${w.label}, ${w.kind === "WATCH-CERT" ? "warning" : "error"})`,
    })),
  );
  expect(r.posts).toEqual(
    want.map((w, i) => ({
      type: "alert.raised",
      webhookId: r.mails[i]?.alertId,
      id: r.mails[i]?.alertId,
      domain: w.domain,
      kind: w.kind,
      subject: w.subject,
      title: w.title,
    })),
  );
}

function expectNothing(r: Awaited<ReturnType<typeof pass>>) {
  expect(r.job).toEqual({ status: "done", error: null });
  expect(r.delivered).toEqual({ sent: 0, failed: 0, retrying: 0 });
  expect(r.mails).toEqual([]);
  expect(r.posts).toEqual([]);
}

describe(
  "issue 14 done-when: alerts by e-mail and webhook from the lab",
  { timeout: 120_000 },
  () => {
    it("WATCH-CERT: MX and policy-host certificates expiring in 5 days alert once each", async () => {
      const d = nameOf("certs");
      const label = "Certificate expires soon";
      expectAlerts(await pass(), [
        {
          domain: d,
          kind: "WATCH-CERT",
          label,
          subject: `mta-sts.${d}`,
          title: `The certificate of mta-sts.${d} expires in 4 days`,
        },
        {
          domain: d,
          kind: "WATCH-CERT",
          label,
          subject: `mx.${d}`,
          title: `The certificate of mx.${d} expires in 4 days`,
        },
      ]);
      expectNothing(await pass());
    });

    it("CHK-OPS-3: an MX added that the enforce policy does not list alerts once", async () => {
      const d = nameOf("mx");
      world.setRecords(d, "MX", [
        { name: d, type: "MX", priority: 10, exchange: `mx.${d}` },
        { name: d, type: "MX", priority: 20, exchange: SPARE },
      ]);
      expectAlerts(await pass(), [
        {
          domain: d,
          kind: "CHK-OPS-3",
          label: "MX host not covered by the policy",
          subject: SPARE,
          title: `MX host ${SPARE} is not covered by the policy`,
        },
      ]);
      expectNothing(await pass());
    });

    it("CHK-OPS-1: the served policy edited while the id stays the same alerts once", async () => {
      const b = behaviour.get("body") as PolicyBehaviour;
      b.body = (b.body ?? "").replace("mode: enforce", "mode: testing");
      expectAlerts(await pass(), [
        {
          domain: nameOf("body"),
          kind: "CHK-OPS-1",
          label: "Policy edited without a new id",
          subject: "policy",
          title: "The served policy differs from its version while the id is unchanged",
        },
      ]);
      expectNothing(await pass());
    });
  },
);
