// Bulk ingestion (the CLI's path) against a real database: SQLite by default, PostgreSQL
// under `npm run test:pg`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestInOrder } from "@/lib/ingest/bulk";
import { googleReport, gzipOf } from "@/lib/tlsrpt/test-fixtures";
import { openTestDb, type TestDb } from "../test-db";
import { closeSqliteStore } from "./sqlite-store";
import { countRows, resetReports } from "./test-helpers";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.domain.create({ data: { name: "example.com", displayName: "example.com" } });
});
afterAll(async () => {
  await closeSqliteStore(t.db);
  await t.close();
});
beforeEach(async () => resetReports(t.db));

const report = (id: string) => {
  const v = googleReport();
  v["report-id"] = id;
  return gzipOf(v);
};
const item = (name: string, bytes: Uint8Array) => ({
  meta: { channel: "cli" as const, source: name, filename: name },
  load: () => bytes,
});

describe("ingestInOrder", () => {
  it("stores many files, announces outcomes in input order, first copy wins", async () => {
    const items = Array.from({ length: 40 }, (_, i) => item(`r${i}.json.gz`, report(`bulk-${i}`)));
    // The same report again at the end, and a file that is not a report in the middle.
    items.push(item("again.json.gz", report("bulk-3")));
    items.splice(20, 0, item("junk.json", new TextEncoder().encode("{ not json")));
    const seen: number[] = [];
    const outs = await ingestInOrder(t.db, items, (_, i) => seen.push(i));
    expect(seen).toEqual(items.map((_, i) => i));
    expect(outs.map((o) => o.status)).toEqual([
      ...Array<string>(20).fill("stored"),
      "rejected",
      ...Array<string>(20).fill("stored"),
      "duplicate",
    ]);
    expect(outs[20]?.reason).toMatch(/^the report is not valid JSON/);
    expect(await countRows(t.db)).toMatchObject({ reports: 40, policies: 40, rejected: 1 });
  });

  it("returns no outcomes for no files", async () => {
    expect(await ingestInOrder(t.db, [])).toEqual([]);
  });
});
