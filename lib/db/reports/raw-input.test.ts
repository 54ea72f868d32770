// Issue 11, disk: an input's raw bytes are stored once, however many reports it holds,
// and not again when the same input arrives twice. SQLite by default, PostgreSQL under
// `npm run test:pg` (this file lives under lib/db so both runs include it).
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestBytes, storeRead, type ReadInput } from "@/lib/ingest/ingest";
import { readReport } from "@/lib/tlsrpt/read-report";
import { bytesOf, googleReport, gzipOf } from "@/lib/tlsrpt/inline-reports.test-utils";
import type { NormalizedReport } from "@/lib/tlsrpt/types";
import { openTestDb, type TestDb } from "../db.test-utils";
import { RAW_CAP } from "./raw-input";
import { getReceivedReport } from "./received";
import { countRows, resetReports } from "./reports.test-utils";

let t: TestDb;
let domainId: string;
beforeAll(async () => {
  t = await openTestDb();
  domainId = (await t.db.domain.create({ data: { name: "example.com", displayName: "e" } })).id;
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => resetReports(t.db));

const meta = { channel: "upload" as const, source: "test" };

function tinyReports(n: number): NormalizedReport[] {
  const read = readReport(bytesOf(googleReport()));
  if (!read.ok) throw new Error(read.error.message);
  const one = read.value.reports[0] as NormalizedReport;
  return Array.from({ length: n }, (_, i) => ({ ...one, reportId: `tiny-${i}` }));
}

const readOf = (reports: NormalizedReport[]): ReadInput => ({
  ok: true,
  value: { reports, source: "json", rejected: [] },
});

/** Bytes the database occupies (SQLite: pages, WAL included; PostgreSQL: the database). */
async function databaseBytes(): Promise<number> {
  if (t.config.provider === "sqlite") {
    const [c] = await t.db.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()`,
    );
    return Number(c?.n);
  }
  const [c] = await t.db.$queryRawUnsafe<{ n: bigint | number }[]>(
    `SELECT pg_database_size(current_database()) AS n`,
  );
  return Number(c?.n);
}

const rawSum = async () => {
  const rows = await t.db.rawInput.findMany({ select: { bytes: true, size: true } });
  return rows.reduce((n, r) => n + r.bytes.length, 0);
};

describe("raw inputs are stored once (issue 11, disk)", () => {
  it("one 1 MiB input holding 2,500 tiny reports stores one raw row, about 1 MiB", async () => {
    // Random bytes: PostgreSQL would compress anything more regular.
    const bytes = randomBytes(RAW_CAP);
    const before = await databaseBytes();
    const out = await storeRead(t.db, bytes, meta, readOf(tinyReports(2500)));
    expect(out).toMatchObject({ status: "stored", stored: 2500, duplicates: 0 });
    expect(await countRows(t.db)).toMatchObject({ reports: 2500, policies: 2500, rawInputs: 1 });
    expect(await rawSum()).toBe(RAW_CAP);
    const raw = await t.db.rawInput.findFirstOrThrow();
    expect(raw.size).toBe(RAW_CAP);
    expect(await t.db.report.count({ where: { rawInputId: raw.id, rawSize: RAW_CAP } })).toBe(2500);
    // 2,500 copies would be 2.5 GB; one copy plus 2,500 small rows stays under 4 MiB.
    const grown = (await databaseBytes()) - before;
    expect(grown).toBeGreaterThan(RAW_CAP);
    expect(grown).toBeLessThan(4 * RAW_CAP);

    // The same input again: every report is a duplicate, nothing new is stored.
    const again = await storeRead(t.db, bytes, meta, readOf(tinyReports(2500)));
    expect(again).toMatchObject({ status: "duplicate", stored: 0, duplicates: 2500 });
    expect(await countRows(t.db)).toMatchObject({ reports: 2500, rawInputs: 1 });
  }, 600_000);

  it("shares one raw row between the reports of an e-mail and shows it with each", async () => {
    const second = googleReport();
    second["report-id"] = "second";
    const mail = Buffer.from(
      [
        "From: r@google.com",
        "TLS-Report-Domain: example.com",
        "TLS-Report-Submitter: google.com",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        "Content-Type: application/tlsrpt+gzip",
        'Content-Disposition: attachment; filename="a.json.gz"',
        "Content-Transfer-Encoding: base64",
        "",
        gzipOf(googleReport()).toString("base64"),
        "--b",
        "Content-Type: application/tlsrpt+gzip",
        'Content-Disposition: attachment; filename="b.json.gz"',
        "Content-Transfer-Encoding: base64",
        "",
        gzipSync(bytesOf(second)).toString("base64"),
        "--b--",
        "",
      ].join("\r\n"),
    );
    const out = await ingestBytes(t.db, mail, { channel: "imap", source: "<m1@google.com>" });
    expect(out).toMatchObject({ status: "stored", stored: 2 });
    expect(await countRows(t.db)).toMatchObject({ reports: 2, rawInputs: 1 });
    for (const r of await t.db.report.findMany({ select: { id: true } })) {
      const detail = await getReceivedReport(t.db, domainId, r.id);
      expect(detail?.rawState).toBe("kept");
      expect(Buffer.from(detail?.raw ?? []).equals(mail)).toBe(true);
      expect(detail?.rawSize).toBe(mail.length);
    }
  });

  it("stores no raw row for a duplicate sent as other bytes, or for a refused input", async () => {
    expect((await ingestBytes(t.db, gzipOf(googleReport()), meta)).status).toBe("stored");
    const plain = await ingestBytes(t.db, bytesOf(googleReport()), meta);
    expect(plain.status).toBe("duplicate");
    expect((await ingestBytes(t.db, Buffer.from("{ not json"), meta)).status).toBe("rejected");
    expect(await countRows(t.db)).toMatchObject({ reports: 1, rejected: 1, rawInputs: 1 });
  });

  it("keeps only the size of an input over the cap, and says so", async () => {
    const big = new Uint8Array(RAW_CAP + 1);
    const out = await storeRead(t.db, big, meta, readOf(tinyReports(1)));
    expect(out.status).toBe("stored");
    expect(await countRows(t.db)).toMatchObject({ reports: 1, rawInputs: 0 });
    const row = await t.db.report.findFirstOrThrow({ select: { id: true } });
    const detail = await getReceivedReport(t.db, domainId, row.id);
    expect(detail).toMatchObject({ raw: null, rawSize: RAW_CAP + 1, rawState: "over-cap" });
  });
});
