// The IMAP channel against a real Dovecot (e2e/dovecot): the report e-mails of
// lib/tlsrpt/fixtures plus composed ones, appended over IMAP, then polled.
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCa } from "@/e2e/servers/test-ca";
import { mailboxForPoll } from "@/lib/db/mailboxes/imap-accounts";
import { countRows } from "@/lib/db/reports/reports.test-utils";
import { ingestBytes } from "@/lib/ingest/ingest";
import { domainsIn, isEmlFile, reportFixtures } from "@/lib/tlsrpt/report-fixtures.test-utils";
import { googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { PLAIN_IMAP_REFUSED } from "./account-rules";
import { releaseLease, takeLease } from "@/lib/db/jobs/leases";
import { MAILBOX_BUSY, pollMailbox } from "./poll";
import { compose, startWorld, type World } from "./mail-world.test-utils";

let w: World;

beforeAll(async () => {
  w = await startWorld([...(await domainsIn(reportFixtures())), "example.com"]);
}, 60_000);

afterAll(async () => {
  await w.stop();
});

describe("IMAP poller against Dovecot", () => {
  it("RPT-DELIV-4: ingests report mail to the processed folder, mail without a report to the rejected folder", async () => {
    const emls = reportFixtures(isEmlFile);
    expect(emls).toHaveLength(4);
    const composed = await compose({
      from: "noreply-smtp-tls-reporting@google.com",
      to: "tlsrpt@example.com",
      subject: "Report Domain: example.com Submitter: google.com Report-ID: <composed@google.com>",
      headers: { "TLS-Report-Domain": "example.com", "TLS-Report-Submitter": "google.com" },
      text: "This is an aggregate TLS report from google.com",
      attachments: [
        {
          filename: "google.com!example.com!1744416000!1744502399!001.json.gz",
          content: gzipSync(JSON.stringify(googleReport())),
          contentType: "application/tlsrpt+gzip",
        },
      ],
    });
    const plain = await compose({
      from: "colleague@example.com",
      to: "tlsrpt@example.com",
      subject: "Lunch?",
      text: "Not a report.",
    });
    await w.deliver("INBOX", ...emls.map((e) => e.bytes), composed, plain);
    const id = await w.account();

    const first = await pollMailbox(w.t.db, id);
    expect(first).toEqual({
      ok: true,
      summary: {
        messages: 6,
        stored: 4,
        duplicates: 0,
        rejected: 0,
        unmanaged: 0,
        noReport: 2,
        moved: 4,
        setAside: 2,
        flagged: 0,
        retrying: 0,
      },
    });
    expect(await countRows(w.t.db)).toMatchObject({ reports: 4, rejected: 0 });
    expect(await w.count("INBOX")).toBe(0);
    // Dovecot's Maildir delimiter is ".": the poller wrote "TLS-RPT/Processed" in its terms.
    expect(await w.count("TLS-RPT.Processed")).toBe(4);
    // no-report.eml is an ordinary mail with no report: set aside like "Lunch?", unflagged.
    const aside = await w.list("TLS-RPT.Rejected");
    expect(aside.map((m) => `${m.subject.slice(0, 25)} ${m.flags.join(" ")}`)).toEqual([
      "Weekly backup finished ",
      "Lunch? ",
    ]);
    const stored = await mailboxForPoll(w.t.db, id);
    expect(stored?.lastError).toBeNull();
    expect(stored?.lastResult).toBe(
      "6 messages: 4 stored, 0 duplicates, 0 rejected, 0 for unmanaged domains, 2 without a report; 2 moved to the rejected folder",
    );
    // Issue 16 §6: the same result as a message, for the settings page in German.
    expect(stored?.lastRef?.key).toBe("pollSummary");

    // Nothing is read twice: the folder is empty now.
    const second = await pollMailbox(w.t.db, id);
    expect(second.ok && second.summary).toMatchObject({ messages: 0, stored: 0, noReport: 0 });
    expect((await countRows(w.t.db)).reports).toBe(4);

    // The same report by HTTPS after mail: stored once (RPT-ING-5).
    const [gz] = reportFixtures((n) => n === "report-mail-attachment.json.gz");
    const viaHttps = await ingestBytes(w.t.db, gz?.bytes ?? Buffer.alloc(0), {
      channel: "https",
      source: "203.0.113.5",
    });
    expect(viaHttps.status).toBe("duplicate");
    expect((await countRows(w.t.db)).reports).toBe(4);
  });

  it("stores 'authentication failed' on the account when the password is wrong", async () => {
    const bad = await w.account({ label: "wrong password", password: "not-the-password" });
    const r = await pollMailbox(w.t.db, bad);
    const message = `authentication failed: 127.0.0.1:${w.dovecot.port} refused the username or password`;
    expect(r).toEqual({
      ok: false,
      error: message,
      ref: { key: "imapAuthFailed", params: { where: `127.0.0.1:${w.dovecot.port}` } },
    });
    expect((await mailboxForPoll(w.t.db, bad))?.lastError).toBe(message);
    expect((await mailboxForPoll(w.t.db, bad))?.lastRef?.key).toBe("imapAuthFailed");
  });

  it("names a refused connection", async () => {
    const closed = await w.account({ label: "nobody home", host: "127.0.0.1", port: 1 });
    expect(await pollMailbox(w.t.db, closed)).toEqual({
      ok: false,
      error: "could not connect to 127.0.0.1:1: connection refused",
      ref: { key: "imapRefused", params: { where: "127.0.0.1:1" } },
    });
  });

  it("names an IMAP server whose certificate is not from a trusted CA", async () => {
    const { key, cert } = createTestCa("Untrusted IMAP CA").issue({ sans: ["localhost"] });
    const server = tls.createServer({ key, cert }, (s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const id = await w.account({ label: "private CA", security: "tls", host: "127.0.0.1", port });
      expect(await pollMailbox(w.t.db, id)).toEqual({
        ok: false,
        error: `TLS to 127.0.0.1:${port} failed: its certificate is not from a CA this server trusts (UNABLE_TO_VERIFY_LEAF_SIGNATURE); for a private CA, start the app with NODE_EXTRA_CA_CERTS`,
        ref: {
          key: "imapUntrustedCert",
          params: { where: `127.0.0.1:${port}`, code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" },
        },
      });
    } finally {
      server.close();
    }
  });

  it("refuses to poll a plain-text account once STS_ALLOW_PLAIN_IMAP is off, without connecting", async () => {
    const lab = await w.account({ label: "lab account", folder: "Plain" });
    const plain = await compose({ from: "a@example.com", to: "b@example.com", text: "x" });
    await w.deliver("Plain", plain);
    const r = await pollMailbox(w.t.db, lab, { allowPlainImap: false });
    expect(r).toEqual({ ok: false, error: PLAIN_IMAP_REFUSED, ref: { key: "plainImapRefused" } });
    expect(PLAIN_IMAP_REFUSED).toBe(
      'IMAP without TLS sends the password in clear: choose TLS or STARTTLS (security "none" is allowed only in labs, with STS_ALLOW_PLAIN_IMAP=1).',
    );
    expect((await mailboxForPoll(w.t.db, lab))?.lastError).toBe(PLAIN_IMAP_REFUSED);
    expect(await w.count("Plain")).toBe(1);
  });

  it("never reads a mailbox another instance is reading: its lease makes the poll wait (issue 14 §5)", async () => {
    const id = await w.account({ label: "shared by instances", folder: "Shared" });
    await w.deliver(
      "Shared",
      await compose({ from: "a@example.com", to: "b@example.com", text: "x" }),
    );
    expect(await takeLease(w.t.db, `mailbox:${id}`, "other-instance", 60_000)).toBe(true);
    expect(await pollMailbox(w.t.db, id)).toEqual({
      ok: false,
      error: MAILBOX_BUSY,
      ref: { key: "mailboxBusy" },
    });
    expect((await mailboxForPoll(w.t.db, id))?.lastPollAt).toBeNull();
    expect(await w.count("Shared")).toBe(1);
    await releaseLease(w.t.db, `mailbox:${id}`, "other-instance");
    const r = await pollMailbox(w.t.db, id);
    expect(r.ok).toBe(true);
    expect(await w.count("Shared")).toBe(0);
    expect(await w.t.db.lease.count({ where: { key: `mailbox:${id}` } })).toBe(0);
  });
});
