// Issue 11, deliverable 5: only a genuine refusal sets a message aside. A failure that may
// pass (a worker crash or closed pool: "reader-failed"; a storage error part-way through
// the reports) leaves the message in the folder, unflagged, for the next poll; after the
// third failed attempt it is set aside with a reason naming the last error. Against a real
// Dovecot (e2e/dovecot), with the real reader and store around the injected failure.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxForPoll } from "@/lib/db/mailboxes/imap-accounts";
import { listRejected } from "@/lib/db/reports/rejected";
import { countRows, resetReports } from "@/lib/db/reports/reports.test-utils";
import { readInput, storeRead } from "@/lib/ingest/ingest";
import { googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { refusalText } from "@/lib/tlsrpt/refusal-text";
import { pollMailbox } from "./poll";
import type { PollSummary, Read, Store } from "./poll-pass";
import { compose, startWorld, type World } from "./mail-world.test-utils";

let w: World;

beforeAll(async () => {
  w = await startWorld(["example.com"]);
}, 60_000);

afterAll(async () => {
  await w.stop();
});

const attachment = (reportId: string, n = 1) => ({
  filename: `google.com!example.com!1744416000!1744502399!00${n}.json.gz`,
  content: gzipSync(JSON.stringify({ ...googleReport(), "report-id": reportId })),
  contentType: "application/tlsrpt+gzip",
});

/** A report mail as Google sends it, carrying one report per id. */
const reportMail = (...ids: string[]) =>
  compose({
    from: "noreply-smtp-tls-reporting@google.com",
    to: "tlsrpt@example.com",
    messageId: `<mail-${ids[0]}>`,
    subject: `Report Domain: example.com Submitter: google.com Report-ID: <${ids[0]}>`,
    headers: { "TLS-Report-Domain": "example.com", "TLS-Report-Submitter": "google.com" },
    text: "This is an aggregate TLS report from google.com",
    attachments: ids.map((id, i) => attachment(id, i + 1)),
  });

const summary = (over: Partial<PollSummary>): PollSummary => ({
  messages: 1,
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

/** A read that answers as the pool does when its worker crashed, `times` times, then reads. */
function crashing(times: number): { read: Read; calls: () => number } {
  let calls = 0;
  const read: Read = (bytes, meta) => {
    calls++;
    if (calls > times) return readInput(bytes, meta);
    const { text, ref } = refusalText("readerFailed", { detail: "worker exited with code 1" });
    return Promise.resolve({ ok: false, error: { code: "reader-failed", message: text, ref } });
  };
  return { read, calls: () => calls };
}

async function account(name: string): Promise<string> {
  return w.account({
    label: name.toLowerCase(),
    folder: name,
    processedFolder: `${name}/Processed`,
    rejectedFolder: `${name}/Rejected`,
  });
}

describe("RPT-DELIV-4: a failure that may pass is retried, not set aside (issue 11)", () => {
  it("a worker crash once: the message stays, unflagged, and its report is stored at the next poll", async () => {
    await resetReports(w.t.db);
    await w.deliver("Once", await reportMail("once@google.com"));
    const id = await account("Once");
    const { read, calls } = crashing(1);

    const first = await pollMailbox(w.t.db, id, { read });
    expect(first.ok && first.summary).toEqual(summary({ retrying: 1 }));
    expect((await mailboxForPoll(w.t.db, id))?.lastResult).toBe(
      "1 message: 0 stored, 0 duplicates, 0 rejected, 0 for unmanaged domains, 0 without a report; 1 left for the next poll after a failure",
    );
    expect(await countRows(w.t.db)).toMatchObject({ reports: 0, rejected: 0 });
    expect(await w.list("Once")).toEqual([
      {
        subject: "Report Domain: example.com Submitter: google.com Report-ID: <once@google.com>",
        flags: ["$TlsRptTry1"],
      },
    ]);

    const second = await pollMailbox(w.t.db, id, { read });
    expect(second.ok && second.summary).toEqual(summary({ stored: 1, moved: 1 }));
    expect(calls()).toBe(2);
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: 0 });
    expect(await w.count("Once")).toBe(0);
    expect(await w.count("Once.Processed")).toBe(1);
    expect(await w.count("Once.Rejected")).toBe(0);
  });

  it("a worker crash three times: set aside after the third poll with the last error", async () => {
    await resetReports(w.t.db);
    await w.deliver("Thrice", await reportMail("thrice@google.com"));
    const id = await account("Thrice");
    const { read } = crashing(3);

    for (const n of [1, 2]) {
      const r = await pollMailbox(w.t.db, id, { read });
      expect(r.ok && r.summary).toEqual(summary({ retrying: 1 }));
      expect((await w.list("Thrice")).map((m) => m.flags)).toEqual([
        n === 1 ? ["$TlsRptTry1"] : ["$TlsRptTry1", "$TlsRptTry2"],
      ]);
    }
    expect(await countRows(w.t.db)).toMatchObject({ reports: 0, rejected: 0 });

    const third = await pollMailbox(w.t.db, id, { read });
    expect(third.ok && third.summary).toEqual(summary({ rejected: 1, setAside: 1 }));
    const rejections = await listRejected(w.t.db);
    expect(rejections.map((x) => [x.channel, x.source, x.reason])).toEqual([
      [
        "imap",
        "thrice: <mail-thrice@google.com>",
        "the input could not be read (worker exited with code 1); tried 3 times, set aside",
      ],
    ]);
    expect(await w.count("Thrice")).toBe(0);
    expect(await w.count("Thrice.Rejected")).toBe(1);

    // Set aside means never read again, even by a reader that works now.
    const fourth = await pollMailbox(w.t.db, id);
    expect(fourth.ok && fourth.summary.messages).toBe(0);
    expect(await countRows(w.t.db)).toMatchObject({ reports: 0, rejected: 1 });
  });

  it("RPT-ING-5: a storage error after the first of two reports: the next poll stores the second, the first is a duplicate", async () => {
    await resetReports(w.t.db);
    await w.deliver("Busy", await reportMail("busy-1@google.com", "busy-2@google.com"));
    const id = await account("Busy");
    let failures = 0;
    // Stores the first report for real, then fails as SQLite does under a held lock.
    const store: Store = async (db, bytes, meta, read) => {
      if (failures > 0 || !read.ok) return storeRead(db, bytes, meta, read);
      failures++;
      const first = { ...read.value, reports: read.value.reports.slice(0, 1) };
      await storeRead(db, bytes, meta, { ok: true, value: first });
      throw new Error("SQLITE_BUSY: database is locked");
    };

    const first = await pollMailbox(w.t.db, id, { store });
    expect(first.ok && first.summary).toEqual(summary({ retrying: 1 }));
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: 0 });
    expect(await w.count("Busy")).toBe(1);

    const second = await pollMailbox(w.t.db, id, { store });
    expect(second.ok && second.summary).toEqual(summary({ stored: 1, duplicates: 1, moved: 1 }));
    expect(await countRows(w.t.db)).toMatchObject({ reports: 2, rejected: 0 });
    expect(await w.count("Busy.Processed")).toBe(1);
    expect(await w.count("Busy.Rejected")).toBe(0);
  });
});
