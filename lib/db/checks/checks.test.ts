import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, CheckResult } from "@/lib/checker/types";
import { summarize } from "@/lib/checker/index";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { listAudit } from "../audit/audit";
import { addDomain, removeDomain, type Actor } from "../domains/domains";
import {
  failCheckRun,
  finishCheckRun,
  getCheckRun,
  latestCheckRun,
  listCheckRuns,
  previousCheckRun,
  runningCheckRun,
  startCheckRun,
} from "./checks";
import { getDkimSelectors, parseDkimSelectors, setDkimSelectors } from "./dkim-selectors";

let t: TestDb;
let actor: Actor;
let domainId: string;
let otherId: string;

const r = (id: string, severity: CheckResult["severity"], target?: string): CheckResult => ({
  id,
  severity,
  title: `${id} title`,
  evidence: `${id} seen`,
  fix: severity === "error" ? `${id} fix` : "",
  ...(target ? { target } : {}),
});

const report = (results: CheckResult[]): CheckReport => ({
  domain: "runs.example",
  startedAt: "2025-03-01T12:00:00.000Z",
  finishedAt: "2025-03-01T12:00:02.000Z",
  durationMs: 2000,
  mode: "testing",
  deadlineHit: false,
  results,
  summary: summarize(results),
});

beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db, "c@example.com");
  const a = await addDomain(t.db, { name: "runs.example", displayName: "runs.example" }, actor);
  const b = await addDomain(t.db, { name: "other.example", displayName: "other.example" }, actor);
  if (!a.ok || !b.ok) throw new Error("setup");
  domainId = a.value.id;
  otherId = b.value.id;
});
afterAll(async () => t.close());

describe("check runs (data layer)", () => {
  it("stores a run from running to done with its report, newest first", async () => {
    expect(await latestCheckRun(t.db, domainId)).toBeNull();
    const first = await startCheckRun(t.db, domainId, "c@example.com");
    const running = await getCheckRun(t.db, first);
    expect(running).toMatchObject({
      id: first,
      domainId,
      status: "running",
      finishedAt: null,
      report: null,
      actor: "c@example.com",
      summary: { error: 0, warning: 0, info: 0, ok: 0, untested: 0 },
    });
    expect((await runningCheckRun(t.db, domainId, 60_000))?.id).toBe(first);
    expect(await latestCheckRun(t.db, domainId)).toBeNull();

    const one = report([r("CHK-MX-5", "error", "mx1.runs.example"), r("CHK-TXT-1", "ok")]);
    await finishCheckRun(t.db, first, one, "done");
    expect(await runningCheckRun(t.db, domainId, 60_000)).toBeNull();
    const latest = await latestCheckRun(t.db, domainId);
    expect(latest?.id).toBe(first);
    expect(latest?.status).toBe("done");
    expect(latest?.finishedAt).toBeInstanceOf(Date);
    expect(latest?.report).toEqual(one);
    expect(latest?.summary).toEqual({ error: 1, warning: 0, info: 0, ok: 1, untested: 0 });

    await new Promise((res) => setTimeout(res, 5));
    const second = await startCheckRun(t.db, domainId, "c@example.com");
    // The newest *finished* run is still the first while the second runs.
    expect((await latestCheckRun(t.db, domainId))?.id).toBe(first);
    const two = report([r("CHK-MX-5", "ok", "mx1.runs.example"), r("CHK-TXT-1", "ok")]);
    await finishCheckRun(t.db, second, two);
    const latest2 = await latestCheckRun(t.db, domainId);
    expect(latest2?.id).toBe(second);
    expect(latest2?.report?.results.map((x) => [x.id, x.severity])).toEqual([
      ["CHK-MX-5", "ok"],
      ["CHK-TXT-1", "ok"],
    ]);
    expect((await previousCheckRun(t.db, latest2!))?.id).toBe(first);
    expect(await previousCheckRun(t.db, (await getCheckRun(t.db, first))!)).toBeNull();

    const list = await listCheckRuns(t.db, domainId, 10);
    expect(list.map((x) => [x.id, x.status, x.summary.error])).toEqual([
      [second, "done", 0],
      [first, "done", 1],
    ]);
    expect(list[0]).not.toHaveProperty("report");
    expect(await listCheckRuns(t.db, domainId, 1)).toHaveLength(1);
    expect(await listCheckRuns(t.db, otherId, 10)).toEqual([]);
    expect(await getCheckRun(t.db, "no-such-run")).toBeNull();
  });

  it("a failed run is history but never the latest result", async () => {
    const id = await startCheckRun(t.db, otherId, "cli");
    await failCheckRun(t.db, id);
    expect(await latestCheckRun(t.db, otherId)).toBeNull();
    expect((await listCheckRuns(t.db, otherId, 5)).map((x) => x.status)).toEqual(["failed"]);
  });

  it("a run left running by a stopped server stops blocking after the stale limit", async () => {
    const id = await startCheckRun(t.db, otherId, "c@example.com");
    expect((await runningCheckRun(t.db, otherId, 60_000))?.id).toBe(id);
    const later = new Date(Date.now() + 120_000);
    expect(await runningCheckRun(t.db, otherId, 60_000, later)).toBeNull();
    expect((await getCheckRun(t.db, id))?.status).toBe("failed");
  });

  it("runs go with their domain", async () => {
    const d = await addDomain(t.db, { name: "gone.example", displayName: "gone.example" }, actor);
    if (!d.ok) throw new Error(d.error);
    const id = await startCheckRun(t.db, d.value.id, "c@example.com");
    await removeDomain(t.db, d.value.id, actor);
    expect(await getCheckRun(t.db, id)).toBeNull();
  });
});

describe("DKIM selectors", () => {
  it("parses what an admin types", () => {
    expect(parseDkimSelectors(" s1, Google\nk2._x  s1 ")).toEqual({
      ok: true,
      value: ["s1", "google", "k2._x"],
    });
    expect(parseDkimSelectors("")).toEqual({ ok: true, value: [] });
    expect(parseDkimSelectors("s1 bad/sel")).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message:
          '"bad/sel" is not a DKIM selector: use letters, digits, hyphens, underscores and dots, as in "s1" or "google".',
        ref: { key: "notADkimSelector", params: { selector: "bad/sel" } },
      },
    });
  });

  it("stores the selectors and audits the change", async () => {
    expect(await getDkimSelectors(t.db, domainId)).toEqual([]);
    expect(await setDkimSelectors(t.db, domainId, ["s1", "google"], actor)).toEqual({
      ok: true,
      value: ["s1", "google"],
    });
    expect(await getDkimSelectors(t.db, domainId)).toEqual(["s1", "google"]);
    await setDkimSelectors(t.db, domainId, [], actor);
    expect(await getDkimSelectors(t.db, domainId)).toEqual([]);
    const audit = (await listAudit(t.db, { domainId })).filter(
      (e) => e.action === "domain.dkim-selectors",
    );
    expect(audit.map((e) => [e.actor, e.details])).toEqual([
      ["c@example.com", { before: ["s1", "google"], after: [] }],
      ["c@example.com", { before: [], after: ["s1", "google"] }],
    ]);
    expect(await setDkimSelectors(t.db, "missing", ["s1"], actor)).toEqual({
      ok: false,
      error: {
        kind: "not-found",
        message: "That domain is no longer on the list.",
        ref: { key: "domainGone" },
      },
    });
  });
});
