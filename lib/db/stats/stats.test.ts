import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { findDomainByName, type Actor } from "../domains/domains";
import { getReadiness } from "../readiness/get-readiness";
import { ingestGenerated, loadDemo } from "@/lib/demo/load-demo";
import { getDomainStats } from "./get-domain-stats";
import { getFailureDetails } from "./get-failure-details";

// Real temporary database; reports go in through ingestBytes, numbers come out of the
// chart queries, and are compared with sums computed here by hand.

let t: TestDb;
let actor: Actor;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
});
afterAll(async () => t.close());

const NOW = new Date("2026-05-01T08:00:00Z");

describe("chart queries (lib/db/stats)", () => {
  it("sums crafted reports exactly: daily, per MX and type, per reporter, drill-down", async () => {
    const demo = await loadDemo(t.db, actor, { now: NOW, endDay: "2026-02-01" });
    expect(demo).toMatchObject({ domain: "demo.example", created: true, skipped: false });
    const domain = await findDomainByName(t.db, "demo.example");
    if (!domain) throw new Error("no domain");
    // Two more reports on a day outside the demo, with a known shape.
    await ingestGenerated(t.db, [
      {
        organization: "Google LLC",
        contactInfo: "smtp-tls-reporting@google.com",
        reportId: "crafted-1",
        day: "2026-04-10",
        policies: [
          {
            policyType: "sts",
            policyDomain: "demo.example",
            successful: 100,
            failures: [
              {
                resultType: "certificate-expired",
                count: 3,
                receivingMxHostname: "mx2.demo.example",
                sendingMtaIp: "209.85.220.41",
                receivingIp: "192.0.2.20",
                receivingMxHelo: "mx2.demo.example",
                reasonCode: "X509_V_ERR_CERT_HAS_EXPIRED",
              },
              {
                resultType: "starttls-not-supported",
                count: 2,
                receivingMxHostname: "mx2.demo.example",
              },
              { resultType: "sts-policy-fetch-error", count: 1 },
            ],
          },
        ],
      },
      {
        organization: "Small Sender Ltd",
        contactInfo: "postmaster@small-sender.example",
        reportId: "crafted-2",
        day: "2026-04-10",
        policies: [
          {
            policyType: "sts",
            policyDomain: "demo.example",
            successful: 7,
            failures: [
              {
                resultType: "certificate-expired",
                count: 4,
                receivingMxHostname: "mx2.demo.example",
                additionalInformation: "<script>alert(1)</script>",
              },
            ],
          },
        ],
      },
    ]);
    const s = await getDomainStats(t.db, domain, { from: "2026-04-09", to: "2026-04-11" }, null);
    expect(s.daily).toEqual([
      { day: "2026-04-09", successful: 0, failed: 0 },
      { day: "2026-04-10", successful: 107, failed: 10 },
      { day: "2026-04-11", successful: 0, failed: 0 },
    ]);
    expect(s.totals).toEqual({ successful: 107, failed: 10 });
    expect(s.mxHosts).toEqual(["mx2.demo.example", ""]);
    expect(s.resultTypes).toEqual([
      "starttls-not-supported",
      "certificate-expired",
      "sts-policy-fetch-error",
    ]);
    expect(s.mxFailures[0]?.byType).toEqual({
      "certificate-expired": 7,
      "starttls-not-supported": 2,
    });
    expect(s.mxFailures[0]?.days[1]).toEqual({
      day: "2026-04-10",
      total: 9,
      byType: { "certificate-expired": 7, "starttls-not-supported": 2 },
    });
    expect(s.mxFailures[1]).toMatchObject({ mxHost: "", total: 1 });
    expect(s.reporters).toEqual([
      {
        reporterKey: "google.com",
        organization: "Google LLC",
        daysReported: 1,
        successful: 100,
        failed: 6,
        failureRate: 6 / 106,
      },
      {
        reporterKey: "small-sender.example",
        organization: "Small Sender Ltd",
        daysReported: 1,
        successful: 7,
        failed: 4,
        failureRate: 4 / 11,
      },
    ]);
    const filtered = await getDomainStats(
      t.db,
      domain,
      { from: "2026-04-09", to: "2026-04-11" },
      "mx2.demo.example",
    );
    expect(filtered.mxFailures.map((m) => m.mxHost)).toEqual(["mx2.demo.example"]);
    expect(filtered.mxHosts).toEqual(["mx2.demo.example", ""]);

    const d = await getFailureDetails(t.db, domain.id, {
      day: "2026-04-10",
      mx: "mx2.demo.example",
      resultType: "certificate-expired",
    });
    expect(d.sessions).toBe(7);
    expect(
      d.rows.map((r) => [
        r.reporter,
        r.failedSessionCount,
        r.sendingMtaIp,
        r.receivingIp,
        r.receivingMxHelo,
        r.failureReasonCode,
        r.additionalInformation,
      ]),
    ).toEqual([
      ["Small Sender Ltd", 4, null, null, null, null, "<script>alert(1)</script>"],
      [
        "Google LLC",
        3,
        "209.85.220.41",
        "192.0.2.20",
        "mx2.demo.example",
        "X509_V_ERR_CERT_HAS_EXPIRED",
        null,
      ],
    ]);
    const unnamed = await getFailureDetails(t.db, domain.id, {
      day: "2026-04-10",
      mx: "",
      resultType: null,
    });
    expect(unnamed.rows.map((r) => r.resultType)).toEqual(["sts-policy-fetch-error"]);
  });

  it("the demo's 60 days: chart totals equal the stored report entries to the session", async () => {
    const domain = await findDomainByName(t.db, "demo.example");
    if (!domain) throw new Error("no domain");
    const range = { from: "2025-12-04", to: "2026-02-01" };
    const s = await getDomainStats(t.db, domain, range, null);
    const entries = await t.db.reportPolicy.aggregate({
      where: { domainId: domain.id, reportDay: { gte: range.from, lte: range.to } },
      _sum: { successfulCount: true, failedCount: true },
    });
    expect(s.totals).toEqual({
      successful: entries._sum.successfulCount,
      failed: entries._sum.failedCount,
    });
    const details = await t.db.failureDetail.groupBy({
      by: ["receivingMxHostname"],
      where: { domainId: domain.id, reportDay: { gte: range.from, lte: range.to } },
      _sum: { failedSessionCount: true },
    });
    for (const row of details) {
      const mx = s.mxFailures.find((m) => m.mxHost === (row.receivingMxHostname ?? ""));
      expect(mx?.total).toBe(row._sum.failedSessionCount);
    }
    expect(s.reporters.map((r) => [r.organization, r.daysReported])).toEqual([
      ["Google LLC", 60],
      ["Microsoft Corporation", 60],
      ["Mail.Ru-like Mail", 60],
      ["Small Sender Ltd", 30],
    ]);
    expect(s.markers).toEqual([]);
    const withMarker = await getDomainStats(
      t.db,
      domain,
      { from: "2025-11-01", to: "2026-02-01" },
      null,
    );
    expect(withMarker.markers.map((m) => [m.day, m.mode, m.reason])).toEqual([
      ["2025-12-03", "testing", "create"],
    ]);
    // Running the demo again adds nothing.
    const again = await loadDemo(t.db, actor, { now: NOW, endDay: "2026-02-01" });
    expect(again).toMatchObject({ created: false, skipped: true });
  });

  it("readiness of the demo right after its last day: not ready, for the reasons in its data", async () => {
    const domain = await findDomainByName(t.db, "demo.example");
    if (!domain) throw new Error("no domain");
    const r = await getReadiness(t.db, domain.id, new Date("2026-02-02T09:00:00Z"));
    expect(r.criteria.map((c) => [c.id, c.status])).toEqual([
      ["READY-1", "unknown"],
      ["READY-2", "unknown"],
      ["READY-3", "unknown"],
      ["READY-4", "met"],
      ["READY-5", "not-met"],
      ["READY-6", "met"],
      ["READY-7", "met"],
    ]);
    expect(r.ready).toBe(false);
    expect(r.criteria[4]?.summary).toMatch(/^TLS failure rate /);
    // Issue 15: the verdict judges complete days only. Small Sender Ltd (a usual reporter)
    // reports every other day, so 01-30 waits for it until its grace period ends.
    expect(r.coverage.lastComplete).toBe("2026-01-29");
    expect(r.coverage.open.map((o) => [o.day, o.missing.join(", ")])).toEqual([
      ["2026-01-30", "Small Sender Ltd"],
      ["2026-01-31", ""],
      ["2026-02-01", "Small Sender Ltd"],
    ]);
    expect(r.refusals[0]).toMatchObject({ day: "2026-01-29", mxHost: "mx2.demo.example" });
  });
});
