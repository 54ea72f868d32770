import { ingestBytes } from "@/lib/ingest/ingest";
import { bytesOf, googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import type { Db } from "../client";
import { createTestActor } from "../db.test-utils";
import { addDomain } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { VERDICT_RULES_VERSION } from "../readiness/verdict";
import { settleVerdicts } from "../readiness/verdict-queue";
import { pruneRejected } from "../reports/rejected";

// Known data for the metrics tests (issue 14 §4), stored through the real use cases where
// one exists: reports and refusals through ingestBytes, policies through
// createPolicyVersion. Check runs and verdicts are written as rows, because their
// durations and outcomes are what the tests pin.

export const NOW = new Date("2026-11-30T12:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() - 3_600_000 + seconds * 1000);

const report = (id: string) => bytesOf({ ...googleReport(), "report-id": id });

/** A check run started `startOffset` s after NOW - 1 h, finished `seconds` later (null: running). */
export function addCheckRun(
  db: Db,
  domainId: string,
  status: string,
  seconds: number | null,
  startOffset = 0,
) {
  return db.checkRun.create({
    data: {
      domainId,
      actor: "test",
      status,
      startedAt: at(startOffset),
      finishedAt: seconds === null ? null : at(startOffset + seconds),
    },
  });
}

export async function seedMetricsWorld(db: Db): Promise<void> {
  const actor = await createTestActor(db);
  const ids: Record<string, string> = {};
  for (const name of ["example.com", "example.net", "example.org"]) {
    const d = await addDomain(db, { name, displayName: name }, actor);
    if (!d.ok) throw new Error(d.error);
    ids[name] = d.value.id;
  }
  const mx = ["mx1.example.com"];
  const policy = async (name: string, mode: "testing" | "enforce") => {
    const v = await createPolicyVersion(db, ids[name]!, { mode, maxAge: 86400, mx }, "edit", actor);
    if (!v.ok) throw new Error(v.error);
  };
  await policy("example.com", "testing");
  await policy("example.org", "testing");
  await policy("example.org", "enforce");

  // Stored: https 1 (its copy is a duplicate), upload 1, cli 2, imap 0.
  const meta = (channel: "https" | "upload" | "cli") => ({ channel, source: "192.0.2.7" });
  await ingestBytes(db, report("r1"), meta("https"));
  await ingestBytes(db, report("r1"), meta("https"));
  await ingestBytes(db, report("r2"), meta("upload"));
  await ingestBytes(db, report("r3"), meta("cli"));
  await ingestBytes(db, report("r4"), meta("cli"));
  // Refused: https 2 (one row counting both), upload 1, imap 4 (pruned, from the tally).
  await ingestBytes(db, Buffer.from("not a report"), meta("https"));
  await ingestBytes(db, Buffer.from("not a report"), meta("https"));
  await ingestBytes(db, Buffer.from("{}"), meta("upload"));
  await db.rejectedReport.create({
    data: { channel: "imap", source: "old", reason: "old", count: 4, receivedAt: new Date(0) },
  });
  await pruneRejected(db, 90);

  // Check runs of example.com: done in 0.25 s, 3.5 s and 45 s, failed after 400 s, one running.
  // The failed one ran the day before, so it is counted with the runs finished before today.
  await addCheckRun(db, ids["example.com"]!, "done", 0.25);
  await addCheckRun(db, ids["example.com"]!, "done", 3.5);
  await addCheckRun(db, ids["example.com"]!, "done", 45);
  await addCheckRun(db, ids["example.com"]!, "failed", 400, -86_400);
  await addCheckRun(db, ids["example.com"]!, "running", null);

  // Verdicts: example.com ready (7 of 7, fresh), example.org 4 of 7 and stale, example.net none.
  await settleVerdicts(db);
  const verdict = (name: string, v: { ready: boolean; met: number; computed: number }) => {
    const data = {
      inputsVersion: 2,
      computedVersion: v.computed,
      rulesVersion: VERDICT_RULES_VERSION,
      ready: v.ready,
      metCount: v.met,
      total: 7,
      computedAt: NOW,
      staleAfter: null,
    };
    return db.domainVerdict.upsert({
      where: { domainId: ids[name]! },
      create: { domainId: ids[name]!, ...data },
      update: data,
    });
  };
  await verdict("example.com", { ready: true, met: 7, computed: 2 });
  await verdict("example.org", { ready: false, met: 4, computed: 1 });
}
