// Conformance: POST /api/reports/tlsrpt's handler over every JSON and gzip file of the
// real-sample corpus (../shared/samples or STS_SAMPLES_DIR, read in place; run only when
// present, see vitest.conformance.ts), against a real database (SQLite; PostgreSQL under
// `npm run test:pg`). The project's own fixtures: https-endpoint.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { domainsIn, isJsonFile } from "@/lib/tlsrpt/report-fixtures.test-utils";
import { samplesDir } from "@/vitest.conformance";
import { openTestDb, type TestDb } from "../db.test-utils";
import { outcome, poster, tallyStatuses } from "./https-endpoint.test-utils";
import { countRows, resetReports } from "./reports.test-utils";

const DIR = path.join(samplesDir(), "tlsrpt");
const samples = readdirSync(DIR)
  .sort()
  .map((name) => ({ name, bytes: readFileSync(path.join(DIR, name)) }));

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.domain.createMany({
    data: (await domainsIn(samples)).map((name) => ({ name, displayName: name })),
  });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => resetReports(t.db));

const post = poster(() => t.db);

describe("POST /api/reports/tlsrpt over the real samples", () => {
  it("stores every JSON and gzip sample once; a second round is all duplicates", async () => {
    const files = samples.filter((f) => isJsonFile(f.name));
    expect(files).toHaveLength(29);
    const first: Record<string, string> = {};
    for (const f of files) first[f.name] = await outcome(await post(f.bytes, {}));
    expect(tallyStatuses(first)).toEqual({
      "201 stored": 24,
      // the same report-id from the same reporter with other content (TV-JSON-8)
      "201 conflict": 2,
      "202 no-report": 2,
      "400 rejected": 1,
    });
    expect(first["unidentified-bq-cloudfn__ludemo-edited.json"]).toBe(
      "400 rejected: date-range: start-datetime 2020-04-13T00:10:00.000Z is after end-datetime 2020-04-13T00:00:00.000Z",
    );
    expect(first["tls-rpt-monitor__microsoft-report.json.gz"]).toMatch(/^201 conflict: /);
    expect(first["mail-tls-rpt__report.json.gz"]).toBe("201 stored: 1 report");
    expect(first["mail-auth__rpt03.json"]).toBe(
      "202 no-report: no managed domain in the report ((no policy-domain))",
    );
    const counts = await countRows(t.db);
    expect(counts).toMatchObject({ reports: 26, rejected: 1 });

    const second: Record<string, string> = {};
    for (const f of files) second[f.name] = await outcome(await post(f.bytes, {}));
    expect(tallyStatuses(second)).toEqual({
      "200 duplicate": 26,
      "202 no-report": 2,
      "400 rejected": 1,
    });
    // the repeated refusal is counted, in its row or (a minute later) a new one (issue 11)
    const after = await countRows(t.db);
    expect({ ...after, rejected: counts.rejected }).toEqual(counts);
    const refusals = await t.db.rejectedReport.aggregate({ _sum: { count: true } });
    expect(refusals._sum.count).toBe(2);
  });
});
