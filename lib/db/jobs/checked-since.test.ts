import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { addDomain } from "../domains/domains";
import { watchDomainIn } from "../watch/watch-domain";
import { recordingRaise } from "../watch/watch.test-utils";
import { domainsCheckedSince, SCHEDULER_ACTOR } from "./job-runs";

// Issue 14 §5: a re-check taken over from an instance that died knows, per domain, whether
// the slot's check was stored and whether its watch (drift and expiry) ran: a domain stored
// but not watched is watched by the survivor, not skipped for the day.

let t: TestDb;
const ids: Record<string, string> = {};
const since = new Date("2026-12-01T03:00:00Z");

beforeAll(async () => {
  t = await openTestDb();
  const actor = await createTestActor(t.db);
  for (const name of ["stored.example", "old.example", "hand.example", "failed.example"]) {
    const d = await addDomain(t.db, { name, displayName: name }, actor);
    if (!d.ok) throw new Error(d.error);
    ids[name] = d.value.id;
  }
  const run = (name: string, startedAt: string, actor: string, status = "done") => ({
    domainId: ids[name] ?? "",
    startedAt: new Date(startedAt),
    finishedAt: new Date(startedAt),
    status,
    actor,
  });
  await t.db.checkRun.createMany({
    data: [
      run("stored.example", "2026-12-01T03:01:00Z", SCHEDULER_ACTOR),
      // Before the slot was claimed, by hand, or failed: none counts for this slot.
      run("old.example", "2026-11-30T03:01:00Z", SCHEDULER_ACTOR),
      run("hand.example", "2026-12-01T03:02:00Z", "admin@example.com"),
      run("failed.example", "2026-12-01T03:02:00Z", SCHEDULER_ACTOR, "failed"),
    ],
  });
});
afterAll(() => t?.close());

describe("domainsCheckedSince", () => {
  it("names the slot's stored checks, unwatched until the watch has run", async () => {
    expect(await domainsCheckedSince(t.db, since)).toEqual(
      new Map([[ids["stored.example"], false]]),
    );
    await watchDomainIn(t.db, ids["stored.example"] ?? "", {
      now: new Date("2026-12-01T03:05:00Z"),
      raise: recordingRaise().raise,
    });
    expect(await domainsCheckedSince(t.db, since)).toEqual(
      new Map([[ids["stored.example"], true]]),
    );
  });
});
