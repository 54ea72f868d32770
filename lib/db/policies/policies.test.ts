import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { listAudit } from "../audit/audit";
import { addDomain, type Actor } from "../domains/domains";
import {
  createPolicyVersion,
  currentPolicyVersion,
  domainOfPolicyHost,
  findPolicyVersionForHost,
  listPolicyVersions,
  maxAgeEverServed,
} from "./policies";

let t: TestDb;
let actor: Actor;
let domainId: string;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
  const d = await addDomain(t.db, { name: "example.org", displayName: "example.org" }, actor);
  if (!d.ok) throw new Error(d.error);
  domainId = d.value.id;
});
afterAll(async () => t.close());

const at = (iso: string) => () => new Date(iso);

describe("policy versions (data layer)", () => {
  it("has nothing to serve before the first version", async () => {
    expect(await currentPolicyVersion(t.db, domainId)).toBeNull();
    expect(await findPolicyVersionForHost(t.db, "mta-sts.example.org")).toBeNull();
    expect(await maxAgeEverServed(t.db, domainId)).toBeNull();
  });

  it("stores the exact CRLF body, a new increasing id per version, and audits each", async () => {
    const draft = { mode: "testing" as const, maxAge: 86400, mx: ["mx1.example.org"] };
    const a = await createPolicyVersion(
      t.db,
      domainId,
      draft,
      "create",
      actor,
      at("2025-03-01T12:00:00Z"),
    );
    expect(a.ok && a.value.body).toBe(
      "version: STSv1\r\nmode: testing\r\nmx: mx1.example.org\r\nmax_age: 86400\r\n",
    );
    expect(a.ok && a.value.policyId).toBe("20250301T120000Z");
    // Same second, same content: still a new id (the clock must not reuse one).
    const b = await createPolicyVersion(
      t.db,
      domainId,
      { mode: "enforce", maxAge: 604800, mx: ["mx1.example.org", "*.example.net"] },
      "enforce",
      actor,
      at("2025-03-01T12:00:00Z"),
    );
    expect(b.ok && b.value.policyId).toBe("20250301T120000a");
    expect(b.ok && b.value.mx).toEqual(["mx1.example.org", "*.example.net"]);
    // A clock that went backwards still yields a greater id.
    const c = await createPolicyVersion(
      t.db,
      domainId,
      draft,
      "rollback",
      actor,
      at("2024-01-01T00:00:00Z"),
    );
    expect(c.ok && c.value.policyId).toBe("20250301T120000b");

    const current = await currentPolicyVersion(t.db, domainId);
    expect(current?.policyId).toBe("20250301T120000b");
    expect(current?.reason).toBe("rollback");
    expect((await listPolicyVersions(t.db, domainId)).map((v) => v.policyId)).toEqual([
      "20250301T120000b",
      "20250301T120000a",
      "20250301T120000Z",
    ]);
    expect(await maxAgeEverServed(t.db, domainId)).toBe(604800);
    const audit = await listAudit(t.db, { domainId });
    expect(audit.slice(0, 3).map((e) => [e.action, e.details.policyId])).toEqual([
      ["policy.rollback", "20250301T120000b"],
      ["policy.enforce", "20250301T120000a"],
      ["policy.create", "20250301T120000Z"],
    ]);
  });

  it("refuses an invalid draft without storing anything", async () => {
    const before = (await listPolicyVersions(t.db, domainId)).length;
    const r = await createPolicyVersion(
      t.db,
      domainId,
      { mode: "enforce", maxAge: 99999999999, mx: ["mx1.example.org"] },
      "edit",
      actor,
    );
    expect(r.ok).toBe(false);
    expect((await listPolicyVersions(t.db, domainId)).length).toBe(before);
  });

  it("refuses a domain that is gone", async () => {
    const r = await createPolicyVersion(
      t.db,
      "nope",
      { mode: "testing", maxAge: 86400, mx: ["mx.example.org"] },
      "create",
      actor,
    );
    expect(r).toEqual({ ok: false, error: "That domain is no longer on the list." });
  });

  it("finds the served version by policy host, ignoring case, port and trailing dot", async () => {
    const v = await findPolicyVersionForHost(t.db, "MTA-STS.Example.org.:443");
    expect(v?.policyId).toBe("20250301T120000b");
    expect(await findPolicyVersionForHost(t.db, "example.org")).toBeNull();
    expect(await findPolicyVersionForHost(t.db, "mta-sts.unknown.example")).toBeNull();
    expect(domainOfPolicyHost("mta-sts.a.b:8443")).toBe("a.b");
    expect(domainOfPolicyHost("www.a.b")).toBeNull();
  });
});
