// Issue 15 item 6: each reporter quirk's fixture through every channel (HTTPS, upload,
// IMAP against a real Dovecot, the CLI as a user runs it), stored with the right day,
// counts and warnings, and the count notes the report view shows.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReceivedReport } from "@/lib/db/reports/received";
import { resetReports } from "@/lib/db/reports/reports.test-utils";
import { handleTlsrptPost } from "@/lib/ingest/https-endpoint";
import { ingestBytes } from "@/lib/ingest/ingest";
import { pollMailbox } from "@/lib/mailbox/poll";
import { compose, startWorld, type World } from "@/lib/mailbox/mail-world.test-utils";
import { countNotes } from "@/lib/tlsrpt/count-notes";
import {
  QUIRK_DOMAIN,
  QUIRK_FIXTURES,
  quirkBytes,
  type QuirkFixture,
} from "@/lib/tlsrpt/quirk-fixtures.test-utils";

const run = promisify(execFile);
let w: World;
let dir: string;

beforeAll(async () => {
  w = await startWorld([QUIRK_DOMAIN]);
  dir = mkdtempSync(path.join(os.tmpdir(), "sts-quirks-"));
}, 60_000);
afterAll(async () => {
  await w?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Channel = "https" | "upload" | "imap" | "cli";

async function viaHttps(f: QuirkFixture): Promise<void> {
  const req = new Request("http://app.test/api/reports/tlsrpt", {
    method: "POST",
    body: new Uint8Array(quirkBytes(f)),
    headers: { "content-type": "application/tlsrpt+json" },
  });
  const res = await handleTlsrptPost(req, { db: async () => w.t.db, source: "198.51.100.9" });
  expect(res.status).toBeLessThan(300);
}

async function viaImap(fs: readonly QuirkFixture[]): Promise<void> {
  const mails = await Promise.all(
    fs.map((f) =>
      compose({
        from: `tlsrpt-noreply@${f.submitter}`,
        to: `tlsrpt@${QUIRK_DOMAIN}`,
        subject: `Report Domain: ${QUIRK_DOMAIN} Submitter: ${f.submitter} Report-ID: <${f.file}>`,
        headers: { "TLS-Report-Domain": QUIRK_DOMAIN, "TLS-Report-Submitter": f.submitter },
        text: `This is an aggregate TLS report from ${f.submitter}`,
        attachments: [
          { filename: f.filename, content: quirkBytes(f), contentType: "application/tlsrpt+json" },
        ],
      }),
    ),
  );
  await w.deliver("INBOX", ...mails);
  const id = await w.account({ label: `quirks ${Date.now()}` });
  const r = await pollMailbox(w.t.db, id);
  expect(r.ok && r.summary.messages).toBe(fs.length);
}

async function viaCli(fs: readonly QuirkFixture[]): Promise<void> {
  const folder = mkdtempSync(path.join(dir, "cli-"));
  for (const f of fs) writeFileSync(path.join(folder, f.filename), quirkBytes(f));
  const url = w.t.config.provider === "sqlite" ? `file:${w.t.config.url}` : w.t.config.url;
  await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/ingest.ts", folder], {
    env: { ...process.env, DATABASE_URL: url },
  });
}

async function ingestAll(channel: Channel): Promise<void> {
  await resetReports(w.t.db);
  if (channel === "imap") return viaImap(QUIRK_FIXTURES);
  if (channel === "cli") return viaCli(QUIRK_FIXTURES);
  for (const f of QUIRK_FIXTURES) {
    if (channel === "https") await viaHttps(f);
    else
      await ingestBytes(w.t.db, quirkBytes(f), {
        channel: "upload",
        source: f.filename,
        filename: f.filename,
      });
  }
}

/** Every stored report of the domain, as the report view reads it, in day order. */
async function stored() {
  const domain = await w.t.db.domain.findUniqueOrThrow({ where: { name: QUIRK_DOMAIN } });
  const ids = await w.t.db.report.findMany({
    select: { id: true, reportDay: true, policies: { select: { reportDay: true } } },
    orderBy: { reportDay: "asc" },
  });
  const out = [];
  for (const { id, reportDay, policies } of ids) {
    const r = await getReceivedReport(w.t.db, domain.id, id);
    if (!r) continue;
    out.push({
      day: [reportDay, ...new Set(policies.map((p) => p.reportDay))].join(" "),
      channel: r.channel,
      organization: r.organization,
      contact: r.contactInfo,
      policies: r.policies.map((p) => [p.policyType, p.successfulCount, p.failedCount]),
      failures: r.policies.flatMap((p) =>
        p.failures.map((f) => [
          f.resultType,
          f.receivingMxHostname,
          f.sendingMtaIp,
          f.failedSessionCount,
        ]),
      ),
      warnings: r.warnings.map((x) => x.id).sort(),
      notes: countNotes(r.policies, r.warnings).map((n) => n.id),
    });
  }
  return out;
}

const MS = "Microsoft Corporation";
const MS_CONTACT = "tlsrpt-noreply@microsoft.com";
const row = (
  day: string,
  organization: string,
  contact: string | null,
  policies: (string | number)[][],
  failures: (string | number | null)[][],
  warnings: string[],
  notes: string[],
) => ({ day: `${day} ${day}`, organization, contact, policies, failures, warnings, notes });

/** What each fixture must be stored as, whatever the channel. */
const EXPECTED = {
  msFetchError: row(
    "2026-11-02",
    MS,
    MS_CONTACT,
    [["sts", 90, 3]],
    [["sts-policy-fetch-error", null, null, 3]],
    ["RPT-QUIRK-4", "RPT-QUIRK-4"],
    ["RPT-QUIRK-4"],
  ),
  msContactNull: row(
    "2026-11-03",
    MS,
    null,
    [["sts", 120, 0]],
    [],
    ["RPT-QUIRK-4", "RPT-QUIRK-7"],
    [],
  ),
  msNoZone: row(
    "2026-11-04",
    MS,
    MS_CONTACT,
    [["sts", 75, 0]],
    [],
    ["RPT-QUIRK-2", "RPT-QUIRK-4"],
    [],
  ),
  msNextMidnight: row(
    "2026-11-05",
    MS,
    MS_CONTACT,
    [["sts", 64, 1]],
    [["certificate-expired", "mx1.quirk.example", "2a01:111:f400::1", 1]],
    ["RPT-QUIRK-3", "RPT-QUIRK-4"],
    [],
  ),
  postfix: row(
    "2026-11-06",
    "mail.postfix-sender.example",
    "mailto:tlsrpt@postfix-sender.example",
    [["no-policy-found", 7, 0]],
    [],
    ["RPT-QUIRK-8"],
    [],
  ),
  zero: row(
    "2026-11-07",
    "Zero Sender",
    "tlsrpt@zero-sender.example",
    [["sts", 0, 0]],
    [],
    [],
    ["RPT-QUIRK-13"],
  ),
  loop: row(
    "2026-11-08",
    "Loop Sender",
    "tlsrpt@loop-sender.example",
    [["sts", 1, 0]],
    [],
    [],
    ["RPT-QUIRK-14"],
  ),
};

async function quirk8Message(): Promise<string | undefined> {
  const r = await w.t.db.report.findFirst({ where: { reportDay: "2026-11-06" } });
  const list = JSON.parse(r?.warnings ?? "[]") as { id: string; message: string }[];
  return list.find((x) => x.id === "RPT-QUIRK-8")?.message;
}

describe("issue 15: quirk fixtures through every channel", () => {
  const all = Object.values(EXPECTED);
  const header = `policies[0].policy.policy-domain: missing; taken from the TLS-Report-Domain header ("${QUIRK_DOMAIN}")`;
  const file = `policies[0].policy.policy-domain: missing; taken from the filename ("${QUIRK_DOMAIN}")`;
  const cases = [
    // RPT-QUIRK-8 over HTTPS: no header and no file name says whose report it is, so the
    // Postfix report belongs to no managed domain and is not stored.
    { channel: "https", rows: all.filter((r) => r !== EXPECTED.postfix), quirk8: undefined },
    { channel: "upload", rows: all, quirk8: file },
    { channel: "imap", rows: all, quirk8: header },
    { channel: "cli", rows: all, quirk8: file },
  ] as const;
  for (const c of cases) {
    it(`${c.channel}: each quirk stored with its day, counts, warnings and count notes`, async () => {
      await ingestAll(c.channel);
      expect(await stored()).toEqual(c.rows.map((r) => ({ ...r, channel: c.channel })));
      expect(await quirk8Message()).toBe(c.quirk8);
    }, 120_000);
  }

  it("the report view's count notes say where a quirk changed a count", () => {
    const fetchError = {
      successfulCount: 90,
      failedCount: 3,
      failures: [
        { receivingMxHostname: null, failedSessionCount: 3, resultType: "sts-policy-fetch-error" },
      ],
    };
    expect(countNotes([fetchError], []).map((n) => n.message)).toEqual([
      '3 failed sessions name no MX (sts-policy-fetch-error; Microsoft omits receiving-mx-hostname and sending-mta-ip on fetch errors): counted as "not attributed", domain-wide, not against an MX host.',
    ]);
    expect(countNotes([{ successfulCount: 0, failedCount: 0, failures: [] }], [])[0]?.message).toBe(
      "0 sessions: some servers send a daily report even without mail. It is stored, but it is no coverage: the Enforce page does not count this day for this reporter.",
    );
  });
});
