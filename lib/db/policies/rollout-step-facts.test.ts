import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { listAudit } from "../audit/audit";
import { addDomain, type Actor } from "../domains/domains";
import type { PublishVerification } from "@/lib/rollout/types";
import { createPolicyVersion } from "./policies";
import { getHosting, latestCheckFacts, loadRolloutFacts, setHosting } from "./rollout-step-facts";
import { loadVerification, saveVerification } from "./verifications";

let t: TestDb;
let actor: Actor;
let domainId: string;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db, "r@example.com");
  const d = await addDomain(t.db, { name: "facts.example", displayName: "facts.example" }, actor);
  if (!d.ok) throw new Error(d.error);
  domainId = d.value.id;
});
afterAll(async () => t.close());

describe("rollout facts (data layer)", () => {
  it("starts empty", async () => {
    expect(await loadRolloutFacts(t.db, domainId)).toEqual({
      check: null,
      policy: null,
      policyIds: [],
      publish: null,
      dns: null,
    });
  });

  it("reads the newest check run's error count", async () => {
    await t.db.checkRun.create({
      data: {
        domainId,
        actor: "x",
        status: "done",
        summary: JSON.stringify({ error: 3 }),
        startedAt: new Date("2025-01-01T00:00:00Z"),
        finishedAt: new Date("2025-01-01T00:00:05Z"),
      },
    });
    await t.db.checkRun.create({
      data: {
        domainId,
        actor: "x",
        status: "done",
        summary: JSON.stringify({ error: 0, ok: 9 }),
        startedAt: new Date("2025-01-02T00:00:00Z"),
        finishedAt: new Date("2025-01-02T00:00:05Z"),
      },
    });
    expect(await latestCheckFacts(t.db, domainId)).toEqual({
      status: "done",
      errors: 0,
      finishedAt: new Date("2025-01-02T00:00:05Z"),
    });
  });

  it("stores and replaces the latest verification, and reads the policy", async () => {
    const v = await createPolicyVersion(
      t.db,
      domainId,
      { mode: "testing", maxAge: 86400, mx: ["mx.facts.example"] },
      "create",
      actor,
    );
    if (!v.ok) throw new Error(v.error);
    const first: PublishVerification = {
      at: "2025-01-02T00:00:00Z",
      policyId: v.value.policyId,
      url: "https://mta-sts.facts.example/.well-known/mta-sts.txt",
      address: null,
      ok: false,
      sameBytes: false,
      servesOlderVersion: null,
      problems: ["mta-sts.facts.example does not resolve"],
      statusLine: null,
      contentType: null,
      certificate: null,
      served: null,
      diff: [],
    };
    await saveVerification(t.db, domainId, "publish", first);
    await saveVerification(t.db, domainId, "publish", { ...first, ok: true, problems: [] });
    expect((await loadVerification(t.db, domainId, "publish"))?.ok).toBe(true);
    const facts = await loadRolloutFacts(t.db, domainId);
    expect(facts.policy).toEqual({
      policyId: v.value.policyId,
      mode: "testing",
      mx: ["mx.facts.example"],
    });
    expect(facts.policyIds).toEqual([v.value.policyId]);
    expect(facts.publish?.ok).toBe(true);
  });

  it("switches hosting and audits only real changes", async () => {
    expect(await getHosting(t.db, domainId)).toBe("hosted");
    expect(await setHosting(t.db, domainId, "self", actor)).toEqual({ ok: true, value: "self" });
    expect(await setHosting(t.db, domainId, "self", actor)).toEqual({ ok: true, value: "self" });
    expect(await getHosting(t.db, domainId)).toBe("self");
    const audit = await listAudit(t.db, { domainId });
    expect(audit.filter((e) => e.action === "policy.hosting").map((e) => e.details)).toEqual([
      { from: "hosted", to: "self" },
    ]);
  });

  it("refuses a domain removed meanwhile with its apiErrors message (issue 16 §6)", async () => {
    expect(await setHosting(t.db, "gone", "self", actor)).toEqual({
      ok: false,
      error: {
        kind: "not-found",
        message: "That domain is no longer on the list.",
        ref: { key: "domainGone" },
      },
    });
  });
});
