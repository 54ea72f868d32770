// RPT-DELIV-7 through the real IMAP path: messages signed in the test with keys the lab DNS
// publishes, delivered to a real Dovecot, polled, verified on the poller's thread through
// the app's DNS client, and stored with their result; those without an aligned pass wait
// in the quarantine list until an admin accepts the reporter.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/db/audit/audit";
import { acceptReporter, listQuarantine } from "@/lib/db/reports/quarantine";
import { signMessage, testDkimKey } from "@/lib/tlsrpt/dkim-test-keys";
import { googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { pollMailbox } from "./poll";
import { compose, startWorld, type World } from "./mail-world.test-utils";

const google = testDkimKey("google.com", "20230601");
const attacker = testDkimKey("attacker.example");
let w: World;

/** A Google-style report mail (RPT-DELIV-4) whose report has its own id. */
function reportMail(reportId: string): Promise<Buffer> {
  const report = { ...googleReport(), "report-id": reportId };
  return compose({
    from: "noreply-smtp-tls-reporting@google.com",
    to: "tlsrpt@example.com",
    subject: `Report Domain: example.com Submitter: google.com Report-ID: <${reportId}>`,
    headers: { "TLS-Report-Domain": "example.com", "TLS-Report-Submitter": "google.com" },
    text: "This is an aggregate TLS report from google.com",
    attachments: [
      {
        filename: "google.com!example.com!1744416000!1744502399!001.json.gz",
        content: gzipSync(JSON.stringify(report)),
        contentType: "application/tlsrpt+gzip",
      },
    ],
  });
}

beforeAll(async () => {
  w = await startWorld(["example.com"], [google.record, attacker.record]);
}, 60_000);

afterAll(async () => {
  await w.stop();
});

describe("RPT-DELIV-7 DKIM on the IMAP path (Dovecot + lab DNS)", () => {
  it("stores pass with d=, fail, none and not-aligned exactly, and quarantines all but the pass", async () => {
    const signed = await signMessage(await reportMail("signed-1"), google);
    const tampered = Buffer.from(
      (await signMessage(await reportMail("tampered-1"), google))
        .toString("latin1")
        .replace("aggregate TLS report", "aggregate TLS rep0rt"),
      "latin1",
    );
    const unsigned = await reportMail("unsigned-1");
    const forged = await signMessage(await reportMail("forged-1"), attacker);
    await w.deliver("INBOX", signed, tampered, unsigned, forged);
    const id = await w.account();

    const r = await pollMailbox(w.t.db, id);
    expect(r).toMatchObject({ ok: true, summary: { messages: 4, stored: 4, retrying: 0 } });
    const rows = await w.t.db.report.findMany({
      select: { reportId: true, channel: true, auth: true, authDomain: true },
      orderBy: { reportId: "asc" },
    });
    expect(rows).toEqual([
      { reportId: "forged-1", channel: "imap", auth: "unaligned", authDomain: "attacker.example" },
      { reportId: "signed-1", channel: "imap", auth: "pass", authDomain: "google.com" },
      { reportId: "tampered-1", channel: "imap", auth: "fail", authDomain: "google.com" },
      { reportId: "unsigned-1", channel: "imap", auth: "none", authDomain: null },
    ]);

    const domain = await w.t.db.domain.findUniqueOrThrow({ where: { name: "example.com" } });
    const q = await listQuarantine(w.t.db, domain.id);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({
      reporterKey: "google.com",
      organization: "Google Inc.",
      reports: 3,
    });
    expect([...(q[0]?.reasons ?? [])].sort()).toEqual([
      "DKIM fail (d=google.com): 1 report",
      "DKIM pass but not aligned with the reporter (d=attacker.example): 1 report",
      "unsigned (no DKIM signature): 1 report",
    ]);
  });

  it("accepting the reporter empties its quarantine and is audited; a second accept is refused", async () => {
    const domain = await w.t.db.domain.findUniqueOrThrow({ where: { name: "example.com" } });
    expect(await acceptReporter(w.t.db, "google.com", w.actor)).toEqual({ ok: true, reports: 4 });
    expect(await listQuarantine(w.t.db, domain.id)).toEqual([]);
    const audit = await listAudit(w.t.db, { limit: 1 });
    expect(audit[0]).toMatchObject({
      actor: "admin@example.com",
      action: "reporter.accept",
      details: { reporterKey: "google.com", reports: 4 },
    });
    expect(await acceptReporter(w.t.db, "google.com", w.actor)).toEqual({
      ok: false,
      error: '"google.com" was already accepted.',
      ref: { key: "reporterAlreadyAccepted", params: { reporter: "google.com" } },
    });
    expect(await acceptReporter(w.t.db, "nobody.example", w.actor)).toEqual({
      ok: false,
      error: 'No report from "nobody.example" is stored.',
      ref: { key: "noReportFromReporter", params: { reporter: "nobody.example" } },
    });
  });
});
