// RPT-DELIV-7 + READY-4 through the real SQLite database and the one ingestion path:
// forged "Google" reports (unsigned mail, unauthenticated HTTPS) do not satisfy READY-4;
// quarantined mail is left out of every criterion; after an admin accepts the reporter,
// the same reports count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportJson } from "@/lib/demo/report-json";
import { ingestBytes, type IngestMeta } from "@/lib/ingest/ingest";
import { addDays, utcDay } from "@/lib/stats/date-range";
import { addDomain, type Actor } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { acceptReporter, listQuarantine } from "../reports/quarantine";
import { backdatePolicyVersion } from "../stats/backdate-policy-version";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { getReadiness } from "./get-readiness";
import { readVerdictRow } from "./verdict";
import { settleVerdicts } from "./verdict-queue";

let t: TestDb;
let actor: Actor;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
});
afterAll(async () => t.close());

const NOW = new Date();
const LAST = addDays(utcDay(NOW), -1);

/** A testing policy 20 days old and 14 days of reports from "Google" and a small sender. */
async function domainWith(name: string, google: IngestMeta): Promise<string> {
  const added = await addDomain(t.db, { name, displayName: name }, actor);
  if (!added.ok) throw new Error(added.error);
  const mx = [`mx1.${name}`];
  const saved = new Date(Date.parse(`${addDays(LAST, -20)}T10:00:00Z`));
  const p = await createPolicyVersion(
    t.db,
    added.value.id,
    { mode: "testing", maxAge: 86400, mx },
    "create",
    actor,
    () => saved,
  );
  if (!p.ok) throw new Error(p.error);
  await backdatePolicyVersion(t.db, p.value.seq, saved);
  const lines = ["version: STSv1", "mode: testing", `mx: mx1.${name}`, "max_age: 86400"];
  const bytes = (organization: string, contactInfo: string, reportId: string, day: string) =>
    new TextEncoder().encode(
      reportJson({
        organization,
        contactInfo,
        reportId,
        day,
        policies: [
          {
            policyType: "sts",
            policyDomain: name,
            policyStrings: lines,
            successful: 100,
            failures: [],
          },
        ],
      }),
    );
  for (let i = 0; i < 14; i++) {
    const day = addDays(LAST, -i);
    const g = bytes("Google LLC", "smtp-tls-reporting@google.com", `g-${name}-${day}`, day);
    expect((await ingestBytes(t.db, g, google)).stored).toBe(1);
    const s = bytes("Small Sender", "tls@small.example", `s-${name}-${day}`, day);
    const signed = { passed: ["small.example"], failed: [] };
    expect(
      (await ingestBytes(t.db, s, { channel: "imap", source: "t", dkim: signed })).stored,
    ).toBe(1);
  }
  return added.value.id;
}

const reportersSawPolicy = async (id: string) =>
  (await getReadiness(t.db, id, NOW, 24)).criteria.find((c) => c.id === "READY-4");

describe("READY-4 on authenticated evidence (RPT-DELIV-7)", () => {
  it("unsigned mail claiming to be Google is quarantined: left out, named, and counted once accepted", async () => {
    const unsigned = { passed: [], failed: [] };
    const id = await domainWith("mail.example", { channel: "imap", source: "t", dkim: unsigned });
    const before = await reportersSawPolicy(id);
    expect(before?.status).toBe("not-met");
    expect(before?.summary).toBe(
      `1 reporter (need 2); no report from Google or Microsoft (${addDays(LAST, -13)} to ${LAST}).`,
    );
    expect(before?.evidence).toEqual([
      "Small Sender (small.example): sts entries on 14 days; policy-string shows the current policy " +
        `(id ${before?.evidence[0]?.match(/id (\S+)\)/)?.[1]}); 14 of 14 reports DKIM-verified (small.example).`,
      "Not counted: 14 mail reports in quarantine without an aligned DKIM pass, from google.com (14); an admin can accept the reporter.",
    ]);
    expect(
      (await listQuarantine(t.db, id)).map((q) => [q.reporterKey, q.reports, q.reasons]),
    ).toEqual([["google.com", 14, ["unsigned (no DKIM signature): 14 reports"]]]);

    await settleVerdicts(t.db);
    expect(JSON.parse((await readVerdictRow(t.db, id))?.unmet ?? "[]")).toContain("READY-4");
    expect(await acceptReporter(t.db, "google.com", actor)).toEqual({ ok: true, reports: 14 });
    // Accepting is an input of the stored verdict too (the domain list shows it).
    await settleVerdicts(t.db);
    expect(JSON.parse((await readVerdictRow(t.db, id))?.unmet ?? "[]")).not.toContain("READY-4");
    const after = await reportersSawPolicy(id);
    expect(after?.status).toBe("met");
    expect(after?.evidence[0]).toMatch(
      /^Google LLC \(google\.com\): sts entries on 14 days; .*; 0 of 14 reports DKIM-verified; 14 mail without an aligned DKIM pass, reporter accepted\.$/,
    );
    expect(await listQuarantine(t.db, id)).toEqual([]);
  });

  it("HTTPS reports claiming to be Google count as a reporter, not as a large one until accepted", async () => {
    const id = await domainWith("https.example", {
      channel: "https",
      source: "t",
      contentType: "application/tlsrpt+json",
    });
    // google.com was accepted in the test before: these HTTPS "Google" reports now count
    // as large. Un-accept to see the forged case on its own.
    await t.db.acceptedReporter.delete({ where: { reporterKey: "google.com" } });
    const c = await reportersSawPolicy(id);
    expect(c?.status).toBe("not-met");
    expect(c?.summary).toBe(
      `no DKIM-verified report from Google or Microsoft (unauthenticated ones count once an admin accepts the reporter) (${addDays(LAST, -13)} to ${LAST}).`,
    );
    expect(c?.evidence[0]).toMatch(/0 of 14 reports DKIM-verified; 14 unauthenticated HTTPS\.$/);
    expect(await acceptReporter(t.db, "google.com", actor)).toEqual({ ok: true, reports: 28 });
    expect((await reportersSawPolicy(id))?.status).toBe("met");
  });
});
