// Issue 16: received reports page through everything with a (start, id) cursor, newest
// period first, filtered by reporter, authentication and period, on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeContentHash } from "@/lib/tlsrpt/content-hash";
import { readReport } from "@/lib/tlsrpt/read-report";
import { bytesOf, googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { openTestDb, type TestDb } from "../db.test-utils";
import { rawBytesOf } from "./raw-input";
import { listReceivedReports, type ReceivedQuery } from "./received";
import type { StoreInput } from "./report-rows";
import { storeReports } from "./store-reports";

let t: TestDb;
let domainId = "";

/** Report `n` (1..7) from `org`, its period starting on 2026-11-<n>; 4 and 5 share a day. */
function input(n: number, org: string, mail = false): StoreInput {
  const v = googleReport();
  const day = `2026-11-${String(n === 5 ? 4 : n).padStart(2, "0")}`;
  v["report-id"] = `r${n}`;
  v["organization-name"] = org;
  v["contact-info"] = `tls@${org.toLowerCase().replace(/ .*/, "")}.example`;
  v["date-range"] = { "start-datetime": `${day}T00:00:00Z`, "end-datetime": `${day}T23:59:59Z` };
  const bytes = bytesOf(v);
  const read = readReport(bytes);
  if (!read.ok || !read.value.reports[0]) throw new Error("unreadable fixture");
  const report = read.value.reports[0];
  return {
    report,
    contentHash: computeContentHash(report),
    channel: mail ? "imap" : "upload",
    raw: rawBytesOf(bytes),
    rawSize: bytes.length,
    ...(mail ? { auth: { auth: "pass" as const, authDomain: "acme.example" } } : {}),
  };
}

beforeAll(async () => {
  t = await openTestDb();
  domainId = (
    await t.db.domain.create({ data: { name: "example.com", displayName: "example.com" } })
  ).id;
  await storeReports(t.db, [
    input(1, "Acme Mail", true),
    input(2, "Other Co"),
    input(3, "Acme Mail", true),
    input(4, "Other Co"),
    input(5, "Other Co"),
    input(6, "Acme Mail", true),
    input(7, "Other Co"),
  ]);
});
afterAll(async () => t.close());

const ids = async (q: ReceivedQuery) =>
  (await listReceivedReports(t.db, domainId, q)).rows.map((r) => r.reportId);

/** Every page, following the cursor, as report ids per page. */
async function pages(q: ReceivedQuery): Promise<string[][]> {
  const out: string[][] = [];
  let after = null;
  for (;;) {
    const page = await listReceivedReports(t.db, domainId, { ...q, after });
    out.push(page.rows.map((r) => r.reportId));
    if (page.next === null) return out;
    after = page.next;
  }
}

describe("listReceivedReports: cursor paging and filters (issue 16)", () => {
  it("reaches every report, newest period first, ties broken by id", async () => {
    expect(await pages({ take: 3 })).toEqual([["r7", "r6", "r5"], ["r4", "r3", "r2"], ["r1"]]);
    expect(await pages({ take: 7 })).toEqual([["r7", "r6", "r5", "r4", "r3", "r2", "r1"]]);
  });

  it("filters by reporter (organisation or key, any case) and authentication", async () => {
    expect(await ids({ reporter: "acme" })).toEqual(["r6", "r3", "r1"]);
    expect(await pages({ reporter: "OTHER", take: 2 })).toEqual([
      ["r7", "r5"],
      ["r4", "r2"],
    ]);
    expect(await ids({ auth: "pass" })).toEqual(["r6", "r3", "r1"]);
    expect(await ids({ auth: "unauthenticated" })).toEqual(["r7", "r5", "r4", "r2"]);
    expect(await ids({ auth: "fail" })).toEqual([]);
  });

  it("filters by the days the period starts within, both ends inclusive", async () => {
    expect(await ids({ from: "2026-11-03", to: "2026-11-04" })).toEqual(["r5", "r4", "r3"]);
    expect(await ids({ from: "2026-11-06" })).toEqual(["r7", "r6"]);
    expect(await ids({ to: "2026-11-01" })).toEqual(["r1"]);
    expect(await pages({ from: "2026-11-02", reporter: "other", take: 1 })).toEqual([
      ["r7"],
      ["r5"],
      ["r4"],
      ["r2"],
    ]);
  });
});
