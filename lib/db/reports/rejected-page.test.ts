// Issue 16: rejected submissions page through every row (id cursor, newest first),
// filtered by channel and day, on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../db.test-utils";
import { pageRejected, type RejectedQuery } from "./rejected-page";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.rejectedReport.createMany({
    data: Array.from({ length: 230 }, (_, i) => ({
      channel: i % 3 === 0 ? "imap" : "https",
      source: `192.0.2.${i}`,
      reason: "the report is over the 10.0 MiB limit",
      size: i,
      receivedAt: new Date(i < 200 ? "2026-11-01T10:00:00Z" : "2026-11-02T10:00:00Z"),
    })),
  });
});
afterAll(async () => t.close());

async function everything(q: RejectedQuery): Promise<number[][]> {
  const out: number[][] = [];
  let after = null;
  for (;;) {
    const page = await pageRejected(t.db, { ...q, after });
    out.push(page.rows.map((r) => r.size));
    if (page.next === null) return out;
    after = page.next;
  }
}

describe("pageRejected (issue 16)", () => {
  it("pages through all 230 rows, newest first", async () => {
    const pages = await everything({});
    expect(pages.map((p) => p.length)).toEqual([50, 50, 50, 50, 30]);
    expect(pages.flat()).toEqual(Array.from({ length: 230 }, (_, i) => 229 - i));
  });

  it("filters by channel and day", async () => {
    const imap = (await everything({ channel: "imap", take: 40 })).flat();
    expect(imap).toEqual(Array.from({ length: 77 }, (_, i) => 228 - 3 * i));
    expect((await everything({ from: "2026-11-02" })).flat()).toEqual(
      Array.from({ length: 30 }, (_, i) => 229 - i),
    );
    expect((await everything({ channel: "imap", to: "2026-11-01" })).flat()).toHaveLength(67);
  });
});
