import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { addDomain, type Actor } from "../domains/domains";
import { watchDomainIn } from "./watch-domain";
import { findingsOf, recordingRaise } from "./watch.test-utils";

// The report-based detectors against stored rollups on a real database (issue 14):
// WATCH-SILENCE and WATCH-FAILURES, raised once, resolved, raised again when back.

const THRESHOLDS = { certDays: 14, silenceDays: 3, failurePercent: 5, failureWindowDays: 3 };
let t: TestDb;
let domainId: string;
let actor: Actor;

const rollup = (day: string, mxHost: string, resultType: string, sessions: number) => ({
  domainId,
  day,
  mxHost,
  resultType,
  reporterKey: "google.com",
  sessions,
});

beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
  const d = await addDomain(t.db, { name: "quiet.example", displayName: "quiet.example" }, actor);
  if (!d.ok) throw new Error(d.error);
  domainId = d.value.id;
  await t.db.dailyRollup.createMany({
    data: [
      rollup("2026-11-10", "*", "success", 500),
      rollup("2026-11-20", "*", "success", 500),
      rollup("2026-11-20", "*", "failure", 60),
      rollup("2026-11-20", "mx2.quiet.example", "certificate-expired", 60),
    ],
  });
});
afterAll(() => t?.close());

const at = (iso: string) => new Date(iso);

describe("watchDomain on stored rollups", () => {
  it("WATCH-SILENCE: raises once after 3 silent days, not again while silent", async () => {
    const rec = recordingRaise();
    const opts = { raise: rec.raise, thresholds: THRESHOLDS };
    const first = await watchDomainIn(t.db, domainId, { ...opts, now: at("2026-11-24T06:00:00Z") });
    expect(first.present).toBe(1);
    await watchDomainIn(t.db, domainId, { ...opts, now: at("2026-11-25T06:00:00Z") });
    expect(rec.calls).toEqual([
      {
        domainId,
        kind: "WATCH-SILENCE",
        subject: "reports",
        title: "No TLS reports for 3 days",
        detail:
          "The last report for quiet.example covered 2026-11-20; none covered 2026-11-21 to 2026-11-23 (3 days).",
        fix: "Check that the _smtp._tls record of quiet.example still names this installation's report address (step 4), that the report mailbox is polled (Settings) and the report endpoint is reachable. Reporters also go quiet when no mail reaches the domain.",
        // Issue 16 §6: the same texts as MessageRefs, for an alert sent in German.
        i18n: {
          namespace: "findings",
          title: { key: "WATCH-SILENCE.title", params: { days: 3 } },
          detail: {
            key: "WATCH-SILENCE.detail",
            params: {
              domain: "quiet.example",
              last: "2026-11-20",
              from: "2026-11-21",
              to: "2026-11-23",
              days: 3,
            },
          },
          fix: { key: "WATCH-SILENCE.fix", params: { domain: "quiet.example" } },
        },
        now: at("2026-11-24T06:00:00Z"),
      },
    ]);
    const rows = await findingsOf(t.db, domainId);
    expect(rows.map((r) => [r.kind, r.subject, r.title, r.resolvedAt])).toEqual([
      ["WATCH-SILENCE", "reports", "No TLS reports for 4 days", null],
    ]);
  });

  it("resolves when reports come back; a failure spike alerts once and ages out of the window; a new silence alerts again", async () => {
    await t.db.dailyRollup.createMany({
      data: [
        rollup("2026-11-25", "*", "success", 900),
        rollup("2026-11-25", "*", "failure", 100),
        rollup("2026-11-25", "mx1.quiet.example", "starttls-not-supported", 100),
      ],
    });
    const rec = recordingRaise();
    const opts = { raise: rec.raise, thresholds: THRESHOLDS };
    const back = await watchDomainIn(t.db, domainId, { ...opts, now: at("2026-11-26T06:00:00Z") });
    expect(back.resolved).toBe(1);
    await watchDomainIn(t.db, domainId, { ...opts, now: at("2026-11-26T07:00:00Z") });
    expect(rec.calls.map((c) => [c.kind, c.subject, c.title, c.detail])).toEqual([
      [
        "WATCH-FAILURES",
        "mx1.quiet.example",
        "10.0% of sessions failed on mx1.quiet.example",
        "100 failed sessions on mx1.quiet.example of 1000 sessions reported for quiet.example from 2026-11-23 to 2026-11-26 (threshold 5%): starttls-not-supported 100.",
      ],
      [
        "WATCH-FAILURES",
        "mx1.quiet.example: starttls-not-supported",
        "New failure type starttls-not-supported on mx1.quiet.example",
        "100 sessions with result type starttls-not-supported on mx1.quiet.example from 2026-11-23 to 2026-11-26; none before 2026-11-23 in the stored reports.",
      ],
    ]);
    const silent = recordingRaise();
    await watchDomainIn(t.db, domainId, {
      raise: silent.raise,
      thresholds: THRESHOLDS,
      now: at("2026-11-29T06:00:00Z"),
    });
    expect(silent.calls.map((c) => [c.kind, c.title])).toEqual([
      ["WATCH-SILENCE", "No TLS reports for 3 days"],
    ]);
    const rows = await findingsOf(t.db, domainId);
    expect(rows.map((r) => [r.kind, r.subject, r.resolvedAt?.toISOString() ?? null])).toEqual([
      ["WATCH-SILENCE", "reports", "2026-11-26T06:00:00.000Z"],
      // Out of the 3-day window by then: resolved.
      ["WATCH-FAILURES", "mx1.quiet.example", "2026-11-29T06:00:00.000Z"],
      ["WATCH-FAILURES", "mx1.quiet.example: starttls-not-supported", "2026-11-29T06:00:00.000Z"],
      ["WATCH-SILENCE", "reports", null],
    ]);
  });

  it("two passes at once (two processes) open one finding and raise one alert", async () => {
    const d = await addDomain(t.db, { name: "twice.example", displayName: "twice.example" }, actor);
    if (!d.ok) throw new Error(d.error);
    await t.db.dailyRollup.create({
      data: { ...rollup("2026-11-01", "*", "success", 5), domainId: d.value.id },
    });
    const a = recordingRaise();
    const b = recordingRaise();
    const now = at("2026-11-30T06:00:00Z");
    await Promise.all([
      watchDomainIn(t.db, d.value.id, { raise: a.raise, thresholds: THRESHOLDS, now }),
      watchDomainIn(t.db, d.value.id, { raise: b.raise, thresholds: THRESHOLDS, now }),
    ]);
    expect([...a.calls, ...b.calls].map((c) => [c.kind, c.title])).toEqual([
      ["WATCH-SILENCE", "No TLS reports for 28 days"],
    ]);
    expect((await findingsOf(t.db, d.value.id)).length).toBe(1);
  });
});
