// Issue 11's hostile-input table, mailbox row (lib/db/hostile/hostile-table.test.ts has the
// HTTP endpoints): every hostile input delivered by mail (the e-mails as they are, the rest
// as a report attachment), then one good report. One poll stores exactly the good report,
// sets every hostile message aside with one RejectedReport row naming its problem, and
// finishes within its budget; the next poll reads nothing. Against a real Dovecot.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRejected } from "@/lib/db/reports/rejected";
import { countRows } from "@/lib/db/reports/reports.test-utils";
import {
  hostileInputs,
  moreHostileInputs,
  type HostileInput,
} from "@/lib/ingest/hostile-inputs.test-utils";
import { googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { MAX_MESSAGE_BYTES, pollMailbox } from "./poll";
import { compose, startWorld, type World } from "./mail-world.test-utils";

let w: World;

beforeAll(async () => {
  w = await startWorld(["example.com"]);
}, 60_000);

afterAll(async () => {
  await w.stop();
});

const INPUTS = [...hostileInputs(), ...moreHostileInputs()];
const headers = { "TLS-Report-Domain": "example.com", "TLS-Report-Submitter": "google.com" };

/** The e-mails as they are; anything else as the one attachment of a report mail. */
function asMail(input: HostileInput): Promise<Buffer> {
  if (input.contentType === "message/rfc822") return Promise.resolve(input.body);
  const ext = input.contentType.endsWith("gzip") ? "json.gz" : "json";
  return compose({
    from: "noreply-smtp-tls-reporting@google.com",
    to: "tlsrpt@example.com",
    messageId: `<${input.name}@hostile.example>`,
    subject: `Report Domain: example.com Submitter: google.com Report-ID: <${input.name}>`,
    headers,
    text: "hostile",
    attachments: [
      { filename: `${input.name}.${ext}`, content: input.body, contentType: input.contentType },
    ],
  });
}

describe("RPT-ING-1/RPT-ING-2/RPT-JSON-1: hostile inputs × mailbox (issue 11)", () => {
  it("sets every hostile message aside with one rejection each, stores the good report, a second poll reads nothing", async () => {
    const mails = await Promise.all(INPUTS.map(asMail));
    // Only this one does not fit in a message the poller reads: refused unread (RPT-ING-1).
    expect(
      INPUTS.filter((_, i) => (mails[i]?.length ?? 0) > MAX_MESSAGE_BYTES).map((x) => x.name),
    ).toEqual(["oversized-11MiB"]);
    const good = await compose({
      from: "noreply-smtp-tls-reporting@google.com",
      to: "tlsrpt@example.com",
      messageId: "<after-hostile@google.com>",
      subject: "Report Domain: example.com Submitter: google.com Report-ID: <after-hostile>",
      headers,
      text: "This is an aggregate TLS report from google.com",
      attachments: [
        {
          filename: "google.com!example.com!1744416000!1744502399!001.json.gz",
          content: gzipSync(JSON.stringify({ ...googleReport(), "report-id": "after-hostile" })),
          contentType: "application/tlsrpt+gzip",
        },
      ],
    });
    await w.deliver("INBOX", ...mails, good);
    const id = await w.account({ label: "hostile" });

    const started = Date.now();
    const first = await pollMailbox(w.t.db, id);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(first).toEqual({
      ok: true,
      summary: {
        messages: INPUTS.length + 1,
        stored: 1,
        duplicates: 0,
        rejected: INPUTS.length,
        unmanaged: 0,
        noReport: 0,
        moved: 1,
        setAside: INPUTS.length,
        flagged: 0,
        retrying: 0,
      },
    });
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: INPUTS.length });
    const [report] = await w.t.db.report.findMany();
    expect(report?.reportId).toBe("after-hostile");

    // One row per hostile message, naming it and its problem.
    const wanted = INPUTS.map((input, i) => expectation(input, mails[i] ?? Buffer.alloc(0), i + 1));
    const rows = (await listRejected(w.t.db)).map((r) => ({ source: r.source, reason: r.reason }));
    const unmatched = rows.filter((row) => {
      const k = wanted.findIndex((e) => e.source === row.source && e.reason.test(row.reason));
      if (k >= 0) wanted.splice(k, 1);
      return k < 0;
    });
    expect({ unmatched, missing: wanted.map((e) => e.name) }).toEqual({
      unmatched: [],
      missing: [],
    });

    expect(await w.count("TLS-RPT.Rejected")).toBe(INPUTS.length);
    expect((await w.list("TLS-RPT.Processed")).map((m) => m.subject)).toEqual([
      "Report Domain: example.com Submitter: google.com Report-ID: <after-hostile>",
    ]);
    expect(await w.count("INBOX")).toBe(0);

    const second = await pollMailbox(w.t.db, id);
    expect(second.ok && second.summary.messages).toBe(0);
    expect(await countRows(w.t.db)).toMatchObject({ reports: 1, rejected: INPUTS.length });
  }, 180_000);
});

const DEEP = "the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused";
const BOMB = "the gzip data expands past 20.0 MiB; stopped at the limit";
/** What each input is refused for by mail (the HTTP table's reasons, by attachment). */
const REASONS: Record<string, string | RegExp> = {
  "issue-174-bytes": DEEP,
  "nesting-10000": DEEP,
  "gzip-bomb-256MiB": BOMB,
  "gzip-members-50000": "the report is not valid JSON: Unexpected end of JSON input",
  // 5 million array elements parse in about a second; on a loaded machine the 2 s read
  // deadline may end it first. Either way it is refused and nothing is stored.
  "array-10MiB":
    /(date-range: expected an object, got nothing|the input took more than 2 s to read and was refused)$/,
  "email-2000-attachments": "the message could not be parsed: Max allowed child nodes exceeded",
  "email-60-attachments":
    "the message has more than 50 attachments (the limit is 50 per message, forwarded messages included); refused",
  "email-gzip-bomb": BOMB,
  "duplicate-keys-deep": DEEP,
};

const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function expectation(input: HostileInput, mail: Buffer, uid: number) {
  const { name } = input;
  // RPT-ING-1: what does not fit in a message the poller reads is refused unread.
  if (mail.length > MAX_MESSAGE_BYTES) {
    const n = (x: number) => x.toLocaleString("en-US");
    const reason = `the message is ${n(mail.length)} bytes, over the limit of ${n(MAX_MESSAGE_BYTES)}`;
    return { name, source: `hostile: uid ${uid}`, reason: new RegExp(`^${escape(reason)}$`) };
  }
  const r = REASONS[name];
  if (r === undefined) throw new Error(`no expected reason for ${name}`);
  const rfc822 = input.contentType === "message/rfc822";
  const messageId = rfc822 ? /^Message-ID: (<[^>]+>)/im.exec(mail.toString("latin1"))?.[1] : null;
  const source = rfc822
    ? `hostile: ${messageId ?? `uid ${uid}`}`
    : `hostile: <${name}@hostile.example>`;
  // A refused attachment is named before its reason.
  const reason = typeof r === "string" ? new RegExp(`^(\\S+: )?${escape(r)}$`) : r;
  return { name, source, reason };
}
