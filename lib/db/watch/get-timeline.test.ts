import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit/audit";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { addDomain } from "../domains/domains";
import { parseCursor } from "@/lib/timeline/types";
import { getTimeline } from "./get-timeline";

// The timeline read model over the existing tables (issue 14), on a real database.

let t: TestDb;
let domainId: string;
const NOW = new Date("2026-11-30T12:00:00Z");

beforeAll(async () => {
  t = await openTestDb();
  const actor = await createTestActor(t.db, "admin@example.com");
  const d = await addDomain(t.db, { name: "tl.example", displayName: "tl.example" }, actor);
  if (!d.ok) throw new Error(d.error);
  domainId = d.value.id;
  await t.db.checkRun.create({
    data: {
      id: "run1",
      domainId,
      actor: "scheduler",
      status: "done",
      startedAt: new Date("2026-11-28T06:00:00Z"),
      finishedAt: new Date("2026-11-28T06:00:05Z"),
      summary: JSON.stringify({ error: 1, warning: 0, info: 2, ok: 30, untested: 0 }),
    },
  });
  await t.db.watchFinding.create({
    data: {
      id: "f1",
      domainId,
      kind: "CHK-OPS-3",
      subject: "mx.new.example",
      severity: "error",
      title: "MX host mx.new.example is not covered by the policy",
      detail: "MX hosts of tl.example: mx.new.example.",
      fix: "Add it.",
      openedAt: new Date("2026-11-28T06:00:06Z"),
      lastSeenAt: new Date("2026-11-28T06:00:06Z"),
      resolvedAt: new Date("2026-11-29T06:00:06Z"),
    },
  });
  await t.db.auditEvent.create({
    data: {
      actor: "watch",
      action: "alert.raised",
      domainId,
      at: new Date("2026-11-28T06:00:07Z"),
      details: JSON.stringify({
        kind: "CHK-OPS-3",
        subject: "mx.new.example",
        title: "MX host mx.new.example is not covered by the policy",
      }),
    },
  });
  await t.db.auditEvent.create({
    data: {
      actor: "admin@example.com",
      action: "policy.enforce",
      domainId,
      at: new Date("2026-11-27T09:00:00Z"),
      details: JSON.stringify({ policyId: "20261127T090000", mode: "enforce", maxAge: 604800 }),
    },
  });
  await recordAudit(t.db, { userId: null, actor: "x", action: "domain.rename", domainId });
  await t.db.dailyRollup.createMany({
    data: ["2026-11-25", "2026-11-27"].map((day) => ({
      domainId,
      day,
      mxHost: "*",
      resultType: "success",
      reporterKey: "google.com",
      sessions: 10,
    })),
  });
});
afterAll(() => t?.close());

describe("getTimeline", () => {
  it("merges checks, findings, alerts, mode changes and days without reports, newest first", async () => {
    const page = await getTimeline(t.db, domainId, { now: NOW });
    expect(page.entries.map((e) => [e.at, e.kind, e.ref, e.title])).toEqual([
      [
        "2026-11-29T06:00:06.000Z",
        "finding-resolved",
        "CHK-OPS-3",
        "Resolved: MX host mx.new.example is not covered by the policy",
      ],
      [
        "2026-11-28T06:00:07.000Z",
        "alert",
        "CHK-OPS-3",
        "Alert: MX host mx.new.example is not covered by the policy",
      ],
      [
        "2026-11-28T06:00:06.000Z",
        "finding-opened",
        "CHK-OPS-3",
        "MX host mx.new.example is not covered by the policy",
      ],
      ["2026-11-28T06:00:00.000Z", "check", null, "Check: 1 error, 0 warnings"],
      ["2026-11-28T00:00:00.000Z", "silence", null, "2 days without reports"],
      ["2026-11-27T09:00:00.000Z", "mode", null, "Switched to enforce"],
      ["2026-11-26T00:00:00.000Z", "silence", null, "1 day without reports"],
    ]);
    expect(page.entries[5]?.detail).toBe(
      "policy id 20261127T090000, mode enforce, max_age 604800, by admin@example.com.",
    );
    expect(page.next).toBeNull();
  });

  it("pages with the cursor without losing or repeating an entry", async () => {
    const first = await getTimeline(t.db, domainId, { now: NOW, limit: 3 });
    expect(first.entries).toHaveLength(3);
    const second = await getTimeline(t.db, domainId, {
      now: NOW,
      limit: 3,
      before: parseCursor(first.next ?? ""),
    });
    const third = await getTimeline(t.db, domainId, {
      now: NOW,
      limit: 3,
      before: parseCursor(second.next ?? ""),
    });
    expect([...first.entries, ...second.entries, ...third.entries].map((e) => e.kind)).toEqual([
      "finding-resolved",
      "alert",
      "finding-opened",
      "check",
      "silence",
      "mode",
      "silence",
    ]);
    expect(third.next).toBeNull();
  });
});
