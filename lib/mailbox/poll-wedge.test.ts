// Issue 11 regression: the 174-byte body (a duplicate key, then a scalar nested 65 deep) in
// an e-mail wedged the poller on every restart. With the reader's fix it is refused in
// milliseconds; the poller moves it to the rejected folder, stores the good report after it,
// and the next poll reads nothing again. Against a real Dovecot (e2e/dovecot).
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRejected } from "@/lib/db/reports/rejected";
import { countRows } from "@/lib/db/reports/reports.test-utils";
import { googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { pollMailbox } from "./poll";
import { compose, startWorld, type World } from "./mail-world.test-utils";

const WEDGE = `{"report-id":"a","report-id":"b","policies":${"[".repeat(64)}0${"]".repeat(64)}}`;
const FILE = "google.com!example.com!1744416000!1744502399!wedge.json";

let w: World;

beforeAll(async () => {
  w = await startWorld(["example.com"]);
}, 60_000);

afterAll(async () => {
  await w.stop();
});

describe("RPT-ING-3: the 174-byte wedge body by mail (issue 11)", () => {
  it("is refused and set aside; the good report after it is stored; a second poll reads nothing", async () => {
    expect(Buffer.byteLength(WEDGE)).toBe(174);
    const headers = { "TLS-Report-Domain": "example.com", "TLS-Report-Submitter": "google.com" };
    const wedge = await compose({
      from: "noreply-smtp-tls-reporting@google.com",
      to: "tlsrpt@example.com",
      messageId: "<wedge@google.com>",
      subject: "Report Domain: example.com Submitter: google.com Report-ID: <wedge>",
      headers,
      text: "hostile",
      attachments: [{ filename: FILE, content: WEDGE, contentType: "application/tlsrpt+json" }],
    });
    const good = await compose({
      from: "noreply-smtp-tls-reporting@google.com",
      to: "tlsrpt@example.com",
      messageId: "<after-wedge@google.com>",
      subject: "Report Domain: example.com Submitter: google.com Report-ID: <after-wedge>",
      headers,
      text: "This is an aggregate TLS report from google.com",
      attachments: [
        {
          filename: "google.com!example.com!1744416000!1744502399!001.json.gz",
          content: gzipSync(JSON.stringify({ ...googleReport(), "report-id": "after-wedge" })),
          contentType: "application/tlsrpt+gzip",
        },
      ],
    });
    await w.deliver("INBOX", wedge, good);
    const id = await w.account({ label: "wedge" });

    const started = Date.now();
    const first = await pollMailbox(w.t.db, id);
    expect(Date.now() - started).toBeLessThan(10_000);
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
        "wedge: <wedge@google.com>",
        `${FILE}: the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused`,
      ],
    ]);
    expect((await w.list("TLS-RPT.Rejected")).map((m) => m.subject)).toEqual([
      "Report Domain: example.com Submitter: google.com Report-ID: <wedge>",
    ]);
    expect(await w.count("TLS-RPT.Processed")).toBe(1);
    expect(await w.count("INBOX")).toBe(0);

    const second = await pollMailbox(w.t.db, id);
    expect(second.ok && second.summary.messages).toBe(0);
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: 1 });
  });
});
