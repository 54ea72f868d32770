import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyText } from "@/e2e/servers/lab-zones";
import { startTestWorld, type TestWorld } from "@/e2e/servers/world";
import type { CheckOptions } from "@/lib/checker/types";
import { createTestActor, openTestDb, type TestDb } from "@/lib/db/db.test-utils";
import { addDomain } from "@/lib/db/domains/domains";
import { getCheckRun, latestCheckRun, startCheckRun } from "@/lib/db/checks/checks";
import { releaseLease, takeLease } from "@/lib/db/jobs/leases";
import {
  ALREADY_RUNNING,
  runEventStream,
  startDomainCheck,
  type RunStreamEvent,
} from "./run-domain-check";

// The run behind step 1's button, against loopback servers and a real database.

const DOMAIN = "run.check.test";
let t: TestDb;
let world: TestWorld;
let domain: { id: string; name: string };
let options: CheckOptions;

beforeAll(async () => {
  t = await openTestDb();
  world = await startTestWorld({
    domains: [
      {
        name: DOMAIN,
        mx: [{ host: `mx.${DOMAIN}`, smtp: { bannerDelayMs: 400 } }],
        policy: { behaviour: { body: policyText("enforce", [`mx.${DOMAIN}`]) } },
        stsTxt: ["v=STSv1; id=1"],
      },
    ],
  });
  options = { dnsServers: [world.dnsServer], ca: [world.caPem], allowPrivate: true };
  const actor = await createTestActor(t.db, "r@example.com");
  const d = await addDomain(t.db, { name: DOMAIN, displayName: DOMAIN }, actor);
  if (!d.ok) throw new Error(d.error);
  domain = d.value;
});
afterAll(async () => {
  await world?.stop();
  await t?.close();
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<RunStreamEvent[]> {
  const text = await new Response(stream).text();
  return text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as RunStreamEvent);
}

describe("startDomainCheck", () => {
  it("streams the run, refuses a second one meanwhile, and stores the report", async () => {
    const first = await startDomainCheck(t.db, domain, "r@example.com", options);
    if (!first.ok) throw new Error(first.error);
    expect(await startDomainCheck(t.db, domain, "r@example.com", options)).toEqual({
      ok: false,
      error: ALREADY_RUNNING,
    });
    const events = await readAll(runEventStream(first.value));
    expect(events[0]).toMatchObject({ type: "run", id: first.value.id });
    expect(events.map((e) => e.type).slice(-2)).toEqual(["done", "stored"]);
    expect(
      events
        .filter((e) => e.type === "probe-started")
        .map((e) => e.probe)
        .sort(),
    ).toEqual([
      "auth",
      "coverage",
      "mta-sts-txt",
      "mx-records",
      `mx:mx.${DOMAIN}`,
      "policy",
      "tlsrpt",
    ]);
    const stored = await getCheckRun(t.db, first.value.id);
    expect(stored?.status).toBe("done");
    const done = events.find((e) => e.type === "done");
    expect(stored?.report).toEqual(done?.type === "done" ? done.report : "no done event");
  });

  it("keeps running and stores the run when the watcher goes away", async () => {
    const run = await startDomainCheck(t.db, domain, "r@example.com", options);
    if (!run.ok) throw new Error(run.error);
    const reader = runEventStream(run.value).getReader();
    await reader.read();
    await reader.cancel();
    await run.value.finished;
    expect((await latestCheckRun(t.db, domain.id))?.id).toBe(run.value.id);
    // A late watcher gets the whole story, ending with "stored".
    const replay = await readAll(runEventStream(run.value));
    expect(replay.at(-1)).toEqual({ type: "stored", id: run.value.id });
  });

  it("one check per domain across processes: another instance's lease refuses it, a dead one's row does not block (issue 14 §5)", async () => {
    expect(await takeLease(t.db, `check:${domain.id}`, "other-instance", 60_000)).toBe(true);
    expect(await startDomainCheck(t.db, domain, "r@example.com", options)).toEqual({
      ok: false,
      error: ALREADY_RUNNING,
    });
    // The other instance dies mid-check: its lease goes, its run is left "running".
    const orphan = await startCheckRun(t.db, domain.id, "scheduler");
    await releaseLease(t.db, `check:${domain.id}`, "other-instance");
    const run = await startDomainCheck(t.db, domain, "r@example.com", options);
    if (!run.ok) throw new Error(run.error);
    expect((await getCheckRun(t.db, orphan))?.status).toBe("failed");
    await run.value.finished;
    expect((await getCheckRun(t.db, run.value.id))?.status).toBe("done");
    expect(await t.db.lease.count()).toBe(0);
  });
});
