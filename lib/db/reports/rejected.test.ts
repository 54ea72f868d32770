// Issue 11: anonymous clients cannot fill the rejections table. Repeats within a minute
// share a row, many sources at once overflow into one row, and rows past
// STS_REJECTED_RETENTION_DAYS are pruned. SQLite by default, PostgreSQL under test:pg.
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { storeRead } from "@/lib/ingest/ingest";
import { tooSlowReason, tooSlowRef } from "@/lib/ingest/read-capped";
import { quoting, readerReason, reasonIn, reasonText } from "@/lib/ingest/rejection-text";
import { pageSay } from "@/lib/ingest/rejection-text.test-utils";
import { emailOf, googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { readAny } from "@/lib/tlsrpt/read-any";
import { refusalText } from "@/lib/tlsrpt/refusal-text";
import { MESSAGES } from "@/lib/i18n/messages";
import { parseSettings } from "@/lib/config/settings";
import { openTestDb, type TestDb } from "../db.test-utils";
import { PRUNED_REFUSALS_PREFIX, prunedRefusals } from "../metrics/pruned-refusals";
import {
  listRejected,
  MAX_ROWS_PER_WINDOW,
  OVERFLOW_SOURCE,
  pruneRejected,
  recordRejection,
} from "./rejected";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.db.rejectedReport.deleteMany();
});

const T0 = Date.UTC(2026, 10, 30, 12);
const at = (ms: number) => new Date(T0 + ms);
const refusal = (source: string, reason = "the report is over the 10.0 MiB limit", size = 1) => ({
  channel: "https",
  source,
  reason,
  size,
});
const rows = async () =>
  (await t.db.rejectedReport.findMany({ orderBy: { id: "asc" } })).map(
    (r) => `${r.source} | ${r.reason} | ${r.count} | ${r.size}`,
  );

describe("recordRejection bounds the table (issue 11, RPT-DELIV-11)", () => {
  it("counts repeats of one source and reason within a minute in one row", async () => {
    for (let i = 0; i < 5; i++)
      await recordRejection(t.db, refusal("192.0.2.1", undefined, i), at(i * 1000));
    await recordRejection(t.db, refusal("192.0.2.1", "the request body is empty"), at(6000));
    await recordRejection(t.db, refusal("192.0.2.2"), at(7000));
    await recordRejection(t.db, refusal("192.0.2.1"), at(61_000)); // a new minute: a new row
    expect(await rows()).toEqual([
      "192.0.2.1 | the report is over the 10.0 MiB limit | 5 | 4",
      "192.0.2.1 | the request body is empty | 1 | 1",
      "192.0.2.2 | the report is over the 10.0 MiB limit | 1 | 1",
      "192.0.2.1 | the report is over the 10.0 MiB limit | 1 | 1",
    ]);
    expect((await listRejected(t.db)).map((r) => r.count)).toEqual([1, 1, 1, 5]);
  });

  it("past the rows allowed a minute, refusals from new sources share one overflow row", async () => {
    for (let i = 0; i < MAX_ROWS_PER_WINDOW + 40; i++) {
      await recordRejection(t.db, refusal(`198.51.100.${i}`), at(i));
    }
    expect(await t.db.rejectedReport.count()).toBe(MAX_ROWS_PER_WINDOW + 1);
    const overflow = await t.db.rejectedReport.findMany({ where: { source: OVERFLOW_SOURCE } });
    expect(overflow.map((r) => [r.count, r.reason, r.reasonI18n])).toEqual([
      [40, "more refusals in a minute than are listed one by one", '{"key":"overflow"}'],
    ]);
    // a source already listed in this minute still counts in its own row
    await recordRejection(t.db, refusal("198.51.100.0"), at(500));
    expect(
      (await t.db.rejectedReport.findFirstOrThrow({ where: { source: "198.51.100.0" } })).count,
    ).toBe(2);
  });
});

describe("pruneRejected (STS_REJECTED_RETENTION_DAYS)", () => {
  const DAY = 24 * 60 * 60 * 1000;

  it("the setting defaults to 90 days and refuses a bad value by name", () => {
    const days = (v?: string) =>
      parseSettings({ STS_REJECTED_RETENTION_DAYS: v }).STS_REJECTED_RETENTION_DAYS;
    expect(days()).toBe(90);
    expect(days("7")).toBe(7);
    expect(() => days("-1")).toThrow(/STS_REJECTED_RETENTION_DAYS/);
  });

  it("deletes rows older than the retention in batches and keeps younger ones", async () => {
    const old = Array.from({ length: 1203 }, (_, i) => ({
      channel: "https",
      source: `203.0.113.${i % 250}`,
      reason: "old",
      receivedAt: at(-91 * DAY - i),
    }));
    await t.db.rejectedReport.createMany({ data: old });
    await recordRejection(t.db, refusal("192.0.2.9", "young"), at(-89 * DAY));
    expect(await pruneRejected(t.db, 90, at(0))).toBe(1203);
    expect(await rows()).toEqual(["192.0.2.9 | young | 1 | 1"]);
    expect(await pruneRejected(t.db, 90, at(0))).toBe(0);
  });

  it("adds what it deletes to the per-channel tally, so the refused counter never falls", async () => {
    await t.db.setting.deleteMany({ where: { key: { startsWith: PRUNED_REFUSALS_PREFIX } } });
    const row = (channel: string, count: number, ageDays: number, i: number) => ({
      channel,
      source: `203.0.113.${i}`,
      reason: "old",
      count,
      receivedAt: at(-ageDays * DAY - i),
    });
    await t.db.rejectedReport.createMany({
      data: [row("https", 5, 91, 1), row("https", 2, 95, 2), row("imap", 3, 92, 3)],
    });
    await t.db.rejectedReport.create({ data: row("imap", 7, 10, 4) });
    expect(await pruneRejected(t.db, 90, at(0))).toBe(3);
    expect(Object.fromEntries(await prunedRefusals(t.db))).toEqual({ https: 7, imap: 3 });
    await t.db.rejectedReport.create({ data: row("https", 4, 100, 5) });
    expect(await pruneRejected(t.db, 90, at(0))).toBe(1);
    expect(Object.fromEntries(await prunedRefusals(t.db))).toEqual({ https: 11, imap: 3 });
    expect(await rows()).toEqual(["203.0.113.4 | old | 7 | 0"]);
  });
});

describe("rejection reasons in the reader's language (issue 16 §6)", () => {
  const tr = (locale: "en" | "de") =>
    createTranslator({
      locale,
      messages: MESSAGES[locale],
      namespace: "reports.rejected.reasons",
    });
  const say = (
    locale: "en" | "de",
    ref: { key: string; params?: Record<string, string | number> },
  ) => tr(locale)(ref.key as Parameters<ReturnType<typeof tr>>[0], ref.params);

  it("stores our reason's message beside the English; a row without one shows its English", async () => {
    const ref = { key: "overLimit", params: { limit: "10.0 MiB" } };
    await recordRejection(t.db, { ...refusal("192.0.2.1"), ref }, at(0));
    await recordRejection(t.db, refusal("192.0.2.2", "not a TLS report: no policies"), at(1));
    const [reader, ours] = await listRejected(t.db);
    expect([ours?.reason, ours?.reasonRef]).toEqual(["the report is over the 10.0 MiB limit", ref]);
    expect(reader?.reasonRef).toBeNull();
    expect(say("en", ref)).toBe(ours?.reason);
    expect(say("de", ref)).toBe("der Bericht ist größer als die Grenze von 10.0 MiB");
  });

  it("each of our reasons formats to its English", () => {
    const pairs: [string, { key: string; params?: Record<string, string | number> }][] = [
      [tooSlowReason(30), tooSlowRef(30)],
      [
        "the message is 26,214,401 bytes, over the limit of 26,214,400",
        { key: "messageTooBig", params: { size: 26_214_401, limit: 26_214_400 } },
      ],
      ["more refusals in a minute than are listed one by one", { key: "overflow" }],
    ];
    expect(pairs.map(([, ref]) => say("en", ref))).toEqual(pairs.map(([text]) => text));
    expect(say("de", pairs[1]![1])).toBe(
      "die Nachricht hat 26.214.401 Bytes, mehr als die Grenze von 26.214.400",
    );
  });

  const shown = async () =>
    (await listRejected(t.db)).reverse().map((r) => ({
      stored: r.reason,
      en: reasonIn(r, pageSay("en")),
      de: reasonIn(r, pageSay("de")),
    }));

  it("stores the reader's refusals with their message: the page shows them in German", async () => {
    const deep = Buffer.from(`{"a":${"[".repeat(70)}${"]".repeat(70)}}`);
    const noRange = googleReport();
    delete noRange["date-range"];
    const badAttachment = {
      type: "application/tlsrpt+json",
      name: "r.json",
      body: Buffer.from(JSON.stringify(noRange)),
    };
    const good = {
      type: "application/tlsrpt+json",
      name: "good.json",
      body: Buffer.from(JSON.stringify(googleReport())),
    };
    const inputs: [Buffer, string][] = [
      [deep, "192.0.2.1"],
      [Buffer.from("plain text"), "192.0.2.2"],
      [emailOf([badAttachment]), "box: <a@example.com>"],
      [emailOf([good, badAttachment]), "box: <b@example.com>"],
    ];
    for (const [bytes, source] of inputs)
      await storeRead(t.db, bytes, { channel: "imap", source }, await readAny(bytes));
    const rangeEn = "date-range: expected an object, got nothing";
    const rangeDe = "date-range: Objekt erwartet, nichts erhalten";
    expect(await shown()).toEqual([
      {
        stored:
          "the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused",
        en: "the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused",
        de: "das JSON verschachtelt Arrays und Objekte tiefer als 64 Ebenen (die Grenze liegt bei 64); abgelehnt",
      },
      {
        stored: "the input is neither JSON nor gzip",
        en: "the input is neither JSON nor gzip",
        de: "die Eingabe ist weder JSON noch gzip",
      },
      { stored: `r.json: ${rangeEn}`, en: `r.json: ${rangeEn}`, de: `r.json: ${rangeDe}` },
      // An attachment refused beside a report that was read: its own row, the file in source.
      { stored: rangeEn, en: rangeEn, de: rangeDe },
    ]);
    const [first] = await listRejected(t.db, 4).then((r) => r.reverse());
    expect(first?.reasonRef).toEqual({
      namespace: "tlsrptReader",
      key: "refusals.tooDeep",
      params: { max: "64" },
    });
  });

  it("a mail set aside after failed attempts: our words translated, a raw error quoted", async () => {
    const crashed = refusalText("readerFailed", { detail: "worker exited with code 1" });
    const slow = refusalText("tooSlow", { time: "2 s" });
    const reasons = [
      quoting("setAside", reasonText("readTimeout", { seconds: "0.5" }), { n: 3 }),
      quoting("setAside", reasonText("verifyTimeout", { seconds: "10" }), { n: 3 }),
      quoting("setAside", reasonText("failedSeeLog", { step: "read" }), { n: 1 }),
      quoting("setAside", reasonText("failedSeeLog", { step: "verify" }), { n: 3 }),
      quoting("setAside", reasonText("failedSeeLog", { step: "store" }), { n: 3 }),
      quoting("setAside", "the input could not be read (worker exited with code 1)", { n: 3 }),
      // The pool's own refusal (lib/pool): its words translated, the worker's detail as sent.
      quoting("setAside", { text: crashed.text, ref: readerReason(crashed)! }, { n: 2 }),
      quoting("setAside", { text: slow.text, ref: readerReason(slow)! }, { n: 3 }),
    ];
    for (const [i, r] of reasons.entries())
      await recordRejection(t.db, { ...refusal(`uid ${i}`, r.text), ref: r.ref }, at(i));
    expect(await shown()).toEqual(
      [
        [
          "reading the message took longer than 0.5 s; tried 3 times, set aside",
          "das Lesen der Nachricht dauerte länger als 0.5 s; 3 Versuche, beiseitegelegt",
        ],
        [
          "verifying its DKIM signatures took longer than 10 s; tried 3 times, set aside",
          "das Prüfen ihrer DKIM-Signaturen dauerte länger als 10 s; 3 Versuche, beiseitegelegt",
        ],
        [
          "reading the message failed (details are in the server log); tried 1 time, set aside",
          "das Lesen der Nachricht schlug fehl (Einzelheiten im Serverprotokoll); 1 Versuch, beiseitegelegt",
        ],
        [
          "verifying its DKIM signatures failed (details are in the server log); tried 3 times, set aside",
          "das Prüfen ihrer DKIM-Signaturen schlug fehl (Einzelheiten im Serverprotokoll); 3 Versuche, beiseitegelegt",
        ],
        [
          "storing its reports failed (details are in the server log); tried 3 times, set aside",
          "das Speichern ihrer Berichte schlug fehl (Einzelheiten im Serverprotokoll); 3 Versuche, beiseitegelegt",
        ],
        [
          "the input could not be read (worker exited with code 1); tried 3 times, set aside",
          "the input could not be read (worker exited with code 1); 3 Versuche, beiseitegelegt",
        ],
        [
          "the input could not be read (worker exited with code 1); tried 2 times, set aside",
          "die Eingabe ließ sich nicht lesen (worker exited with code 1); 2 Versuche, beiseitegelegt",
        ],
        [
          "the input took more than 2 s to read and was refused; tried 3 times, set aside",
          "die Eingabe brauchte zum Lesen länger als 2 s und wurde abgelehnt; 3 Versuche, beiseitegelegt",
        ],
      ].map(([en, de]) => ({ stored: en, en, de })),
    );
  });
});
