// Issue 11: one bad message cannot stop the poller. Refused messages go to the rejected
// folder with a RejectedReport row, the good report after them is stored, and a second poll
// reads nothing again; a read that fails for a reason that may pass is tried at the next
// polls and set aside only after the third failure; when the rejected folder cannot be
// made, the message is flagged and skipped instead. Against a real Dovecot (e2e/dovecot).
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRejected } from "@/lib/db/reports/rejected";
import { countRows, resetReports } from "@/lib/db/reports/reports.test-utils";
import { readInput } from "@/lib/ingest/ingest";
import { googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { SKIP_KEYWORD } from "./folders";
import { pollMailbox } from "./poll";
import type { PollSummary, Read } from "./poll-pass";
import { compose, startWorld, type World } from "./mail-world.test-utils";

let w: World;

beforeAll(async () => {
  w = await startWorld(["example.com"]);
}, 60_000);

afterAll(async () => {
  await w.stop();
});

/** A report mail as Google sends it, with its own report-id. */
function reportMail(reportId: string, content?: Buffer): Promise<Buffer> {
  return compose({
    from: "noreply-smtp-tls-reporting@google.com",
    to: "tlsrpt@example.com",
    messageId: `<mail-${reportId}>`,
    subject: `Report Domain: example.com Submitter: google.com Report-ID: <${reportId}>`,
    headers: { "TLS-Report-Domain": "example.com", "TLS-Report-Submitter": "google.com" },
    text: "This is an aggregate TLS report from google.com",
    attachments: [
      {
        filename: "google.com!example.com!1744416000!1744502399!001.json.gz",
        content: content ?? gzipSync(JSON.stringify({ ...googleReport(), "report-id": reportId })),
        contentType: "application/tlsrpt+gzip",
      },
    ],
  });
}

const plainMail = (subject: string) =>
  compose({ from: "someone@example.com", to: "tlsrpt@example.com", subject, text: subject });

describe("RPT-ING-1/RPT-ING-2: hostile mail in the IMAP channel (issue 11)", () => {
  it("moves a refused report to the rejected folder, stores the good one after it, and never reads either again", async () => {
    await resetReports(w.t.db);
    // Cut off mid-way: the reader refuses it, naming the problem.
    const broken = gzipSync('{"report-id":"broken","policies":[[[');
    await w.deliver("Hostile", await reportMail("broken@google.com", broken));
    await w.deliver("Hostile", await reportMail("good-after-broken@google.com"));
    const id = await w.account({
      label: "hostile",
      folder: "Hostile",
      processedFolder: "Hostile/Processed",
      rejectedFolder: "Hostile/Rejected",
    });

    const first = await pollMailbox(w.t.db, id);
    expect(first).toEqual({
      ok: true,
      summary: {
        messages: 2,
        stored: 1,
        duplicates: 0,
        rejected: 1,
        unmanaged: 0,
        noReport: 0,
        moved: 1,
        setAside: 1,
        flagged: 0,
        retrying: 0,
      },
    });
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: 1 });
    const rejections = await listRejected(w.t.db);
    expect(rejections.map((x) => [x.channel, x.source, x.reason])).toEqual([
      [
        "imap",
        "hostile: <mail-broken@google.com>",
        "google.com!example.com!1744416000!1744502399!001.json.gz: the report is not valid JSON: Unexpected end of JSON input",
      ],
    ]);
    expect((await w.list("Hostile.Rejected")).map((m) => m.subject)).toEqual([
      "Report Domain: example.com Submitter: google.com Report-ID: <broken@google.com>",
    ]);
    expect((await w.list("Hostile.Processed")).map((m) => m.subject)).toEqual([
      "Report Domain: example.com Submitter: google.com Report-ID: <good-after-broken@google.com>",
    ]);
    expect(await w.count("Hostile")).toBe(0);

    const second = await pollMailbox(w.t.db, id);
    expect(second.ok && second.summary.messages).toBe(0);
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: 1 });
  });

  it("a read that throws or hangs is retried at the next two polls, then set aside with the reason; the pass goes on", async () => {
    await resetReports(w.t.db);
    await w.deliver(
      "Stuck",
      await plainMail("explode"),
      await plainMail("hang"),
      await reportMail("good-after-stuck@google.com"),
    );
    const id = await w.account({
      label: "stuck",
      folder: "Stuck",
      processedFolder: "Stuck/Processed",
      rejectedFolder: "Stuck/Rejected",
    });
    // Stand-ins for a reader that fails or never finishes; the good report is read for real.
    const read: Read = (bytes, meta) => {
      const text = Buffer.from(bytes).toString("latin1");
      if (text.includes("Subject: explode")) return Promise.reject(new Error("reader crashed"));
      if (text.includes("Subject: hang")) return new Promise(() => undefined);
      return readInput(bytes, meta);
    };
    const poll = () => pollMailbox(w.t.db, id, { read, messageTimeoutMs: 500 });
    const summary = (over: Partial<PollSummary>): PollSummary => ({
      messages: 2,
      stored: 0,
      duplicates: 0,
      rejected: 0,
      unmanaged: 0,
      noReport: 0,
      moved: 0,
      setAside: 0,
      flagged: 0,
      retrying: 0,
      ...over,
    });

    const started = Date.now();
    const first = await poll();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(first.ok && first.summary).toEqual(
      summary({ messages: 3, stored: 1, moved: 1, retrying: 2 }),
    );
    // Left in the folder, unflagged, with the attempt counted in a keyword.
    expect(await w.list("Stuck")).toEqual([
      { subject: "explode", flags: ["$TlsRptTry1"] },
      { subject: "hang", flags: ["$TlsRptTry1"] },
    ]);
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: 0 });

    const second = await poll();
    expect(second.ok && second.summary).toEqual(summary({ retrying: 2 }));
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: 0 });

    const third = await poll();
    expect(third.ok && third.summary).toEqual(summary({ rejected: 2, setAside: 2 }));
    const reasons = (await listRejected(w.t.db)).map((x) => x.reason).sort();
    expect(reasons).toEqual([
      "reading the message failed (details are in the server log); tried 3 times, set aside",
      "reading the message took longer than 0.5 s; tried 3 times, set aside",
    ]);
    // Issue 16 §6: our words carry their message, the last error nested in it.
    const refs = (await listRejected(w.t.db)).map((x) => x.reasonRef);
    expect(refs).toEqual(
      expect.arrayContaining([
        {
          key: "setAside",
          params: { n: 3, reason: "reading the message took longer than 0.5 s" },
          nested: { reason: { key: "readTimeout", params: { seconds: "0.5" } } },
        },
        {
          key: "setAside",
          params: {
            n: 3,
            reason: "reading the message failed (details are in the server log)",
          },
          nested: { reason: { key: "failedSeeLog", params: { step: "read" } } },
        },
      ]),
    );
    expect((await w.list("Stuck.Rejected")).map((m) => m.subject)).toEqual(["explode", "hang"]);
    expect(await w.count("Stuck.Processed")).toBe(1);
    expect(await w.count("Stuck")).toBe(0);

    const fourth = await poll();
    expect(fourth.ok && fourth.summary.messages).toBe(0);
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: 2 });
  });

  it("RPT-ING-1: a message over the size limit is refused unread and set aside", async () => {
    await resetReports(w.t.db);
    const big = await reportMail("too-big@google.com");
    await w.deliver("Big", big);
    const id = await w.account({
      label: "big",
      folder: "Big",
      processedFolder: "Big/Processed",
      rejectedFolder: "Big/Rejected",
    });
    const r = await pollMailbox(w.t.db, id, { maxMessageBytes: 1_000 });
    expect(r.ok && [r.summary.messages, r.summary.rejected, r.summary.setAside]).toEqual([1, 1, 1]);
    const rejections = await listRejected(w.t.db);
    expect(rejections.map((x) => [x.source, x.reason, x.size])).toEqual([
      [
        "big: uid 1",
        `the message is ${big.length.toLocaleString("en-US")} bytes, over the limit of 1,000`,
        big.length,
      ],
    ]);
    expect(await w.count("Big.Rejected")).toBe(1);
    expect((await countRows(w.t.db)).reports).toBe(0);
  });

  it("a session past its deadline is closed and says so; the message waits for the next poll", async () => {
    await w.deliver("Slow", await plainMail("hang"));
    const id = await w.account({
      label: "slow",
      folder: "Slow",
      processedFolder: "Slow/Processed",
      rejectedFolder: "Slow/Rejected",
    });
    const hang: Read = () => new Promise(() => undefined);
    const r = await pollMailbox(w.t.db, id, {
      read: hang,
      deadlineMs: 1_000,
      messageTimeoutMs: 3_000,
    });
    expect(r).toEqual({
      ok: false,
      error: "the poll took longer than 1 s and was stopped; the rest is read next time",
      ref: { key: "pollDeadlineSeconds", params: { seconds: "1" } },
    });
    expect(await w.count("Slow")).toBe(1);
  });

  it("flags and skips a message when the rejected folder cannot be created", async () => {
    await resetReports(w.t.db);
    await w.deliver(
      "Unmovable",
      await plainMail("not a report"),
      await reportMail("good-unmovable@google.com"),
    );
    // Dovecot refuses folder names that begin with "~".
    const id = await w.account({
      label: "unmovable",
      folder: "Unmovable",
      processedFolder: "Unmovable/Processed",
      rejectedFolder: "~Rejected",
    });

    const first = await pollMailbox(w.t.db, id);
    expect(first.ok && first.summary).toEqual({
      messages: 2,
      stored: 1,
      duplicates: 0,
      rejected: 0,
      unmanaged: 0,
      noReport: 1,
      moved: 1,
      setAside: 0,
      flagged: 1,
      retrying: 0,
    });
    expect(await w.list("Unmovable")).toEqual([
      { subject: "not a report", flags: [SKIP_KEYWORD, "\\Flagged"].sort() },
    ]);
    expect(await w.count("Unmovable.Processed")).toBe(1);

    const second = await pollMailbox(w.t.db, id);
    expect(second.ok && second.summary.messages).toBe(0);
    expect((await countRows(w.t.db)).reports).toBe(1);
  });
});
