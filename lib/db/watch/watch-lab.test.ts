import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAB_LIMITS } from "@/e2e/servers/lab-check";
import type { PolicyBehaviour } from "@/e2e/servers/policy-server";
import { startTestWorld, type DomainSpec, type TestWorld } from "@/e2e/servers/world";
import { startDomainCheck } from "@/lib/check-runs/run-domain-check";
import type { CheckOptions } from "@/lib/checker/types";
import { loadCheckRunView } from "../checks/check-run-view";
import { latestCheckRun } from "../checks/checks";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import type { Actor } from "../domains/domains";
import { addDomain } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { watchDomainIn } from "./watch-domain";
import { findingsOf, recordingRaise, type RaisedAlert } from "./watch.test-utils";

// Issue 14: each drift and expiry case produced for real by the lab's DNS, HTTPS and SMTP
// servers, checked and watched twice: the exact finding once, and one alert.

const CASES = ["certs", "mx", "body", "order", "txt", "host"] as const;
type Case = (typeof CASES)[number];
const nameOf = (c: Case) => `${c}.watch.test`;
const SPARE = "mx.spare.watch.test";

let t: TestDb;
let world: TestWorld;
let actor: Actor;
let options: CheckOptions;
const behaviour = new Map<Case, PolicyBehaviour>();
const ids = new Map<Case, string>();

function spec(c: Case): DomainSpec {
  const d = nameOf(c);
  const b: PolicyBehaviour = { body: "" };
  behaviour.set(c, b);
  const soon = c === "certs" ? ("expiring-soon" as const) : ("good" as const);
  return {
    name: d,
    mx: [{ host: `mx.${d}`, cert: soon }],
    policy: { behaviour: b, cert: soon },
    stsTxt: ["v=STSv1; id=0"],
  };
}

beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
  world = await startTestWorld({
    domains: [...CASES.map(spec), { name: "spare.watch.test", mx: [{ host: SPARE }] }],
  });
  options = { ...LAB_LIMITS, dnsServers: [world.dnsServer], ca: [world.caPem], allowPrivate: true };
  for (const c of CASES) {
    const d = await addDomain(t.db, { name: nameOf(c), displayName: nameOf(c) }, actor);
    if (!d.ok) throw new Error(d.error);
    ids.set(c, d.value.id);
    const v = await createPolicyVersion(
      t.db,
      d.value.id,
      { mode: "enforce", maxAge: 604800, mx: [`mx.${nameOf(c)}`] },
      "create",
      actor,
    );
    if (!v.ok) throw new Error(v.error);
    (behaviour.get(c) as PolicyBehaviour).body = v.value.body;
    world.setTxt(`_mta-sts.${nameOf(c)}`, [`v=STSv1; id=${v.value.policyId}`]);
  }
}, 60_000);
afterAll(async () => {
  await world?.stop();
  await t?.close();
});

/** A stored check run of the domain, then the watch; returns the alerts raised. */
async function checkAndWatch(c: Case): Promise<RaisedAlert[]> {
  const domainId = ids.get(c) as string;
  const run = await startDomainCheck(t.db, { id: domainId, name: nameOf(c) }, "scheduler", options);
  if (!run.ok) throw new Error(run.error);
  await run.value.finished;
  const rec = recordingRaise();
  await watchDomainIn(t.db, domainId, { raise: rec.raise });
  return rec.calls;
}

/** Baseline, the change, then check + watch twice: the alerts of each pass. */
async function scenario(c: Case, change: () => void | Promise<void>) {
  const baseline = await checkAndWatch(c);
  await change();
  const first = await checkAndWatch(c);
  const second = await checkAndWatch(c);
  const rows = await findingsOf(t.db, ids.get(c) as string);
  return {
    baseline,
    first,
    second,
    rows: rows.map((r) => [r.kind, r.subject, r.severity, r.title]),
  };
}

describe("watchDomain against the lab world", { timeout: 120_000 }, () => {
  it("WATCH-CERT: the MX and policy-host certificates expiring in 5 days, raised once each", async () => {
    const first = await checkAndWatch("certs");
    const second = await checkAndWatch("certs");
    const d = nameOf("certs");
    expect(first.map((a) => [a.kind, a.subject, a.title])).toEqual([
      ["WATCH-CERT", `mx.${d}`, `The certificate of mx.${d} expires in 4 days`],
      ["WATCH-CERT", `mta-sts.${d}`, `The certificate of mta-sts.${d} expires in 4 days`],
    ]);
    expect(first[0]?.detail).toMatch(
      new RegExp(
        `^MX host mx\\.certs\\.watch\\.test \\(${world.ipOf(`mx.${d}`)?.replaceAll(".", "\\.")}\\): subject CN=mx\\.certs\\.watch\\.test; expires \\S+Z; SHA-256 [0-9A-F:]+\\.$`,
      ),
    );
    expect(second).toEqual([]);
    const latest = await latestCheckRun(t.db, ids.get("certs") as string);
    // CheckReport.facts: the certificates the run saw, one per address probed.
    expect(latest?.report?.facts?.certs.map((x) => `${x.role} ${x.host}`).sort()).toEqual([
      `mx mx.${d}`,
      `policy mta-sts.${d}`,
    ]);
  });

  it("CHK-OPS-3: the MX moved to a host the policy does not list", async () => {
    const d = nameOf("mx");
    const r = await scenario("mx", () =>
      world.setRecords(d, "MX", [
        { name: d, type: "MX", priority: 10, exchange: `mx.${d}` },
        { name: d, type: "MX", priority: 20, exchange: SPARE },
      ]),
    );
    expect(r.baseline).toEqual([]);
    expect(r.first.map((a) => [a.kind, a.subject, a.title])).toEqual([
      ["CHK-OPS-3", SPARE, `MX host ${SPARE} is not covered by the policy`],
    ]);
    expect(r.first[0]?.detail).toMatch(
      new RegExp(
        `^MX hosts of mx\\.watch\\.test: mx\\.mx\\.watch\\.test, mx\\.spare\\.watch\\.test; the enforce policy \\(id \\w+\\) lists mx: mx\\.mx\\.watch\\.test\\. mx\\.spare\\.watch\\.test is new since the check of .* UTC\\.$`,
      ),
    );
    expect(r.second).toEqual([]);
    expect(r.rows).toEqual([
      ["CHK-OPS-3", SPARE, "error", `MX host ${SPARE} is not covered by the policy`],
    ]);
    // The check page shows it among the latest run's results, as a real check id.
    const view = await loadCheckRunView(t.db, ids.get("mx") as string);
    expect(
      view?.report?.results
        .filter((x) => x.id.startsWith("CHK-OPS-"))
        .map((x) => [x.id, x.severity, x.target]),
    ).toEqual([["CHK-OPS-3", "error", SPARE]]);
  });

  it("CHK-OPS-1: the policy body edited on the server with the same id", async () => {
    const b = behaviour.get("body") as PolicyBehaviour;
    const r = await scenario("body", () => {
      b.body = (b.body ?? "").replace("mode: enforce", "mode: testing");
    });
    expect(r.baseline).toEqual([]);
    expect(r.first.map((a) => [a.kind, a.subject, a.title])).toEqual([
      [
        "CHK-OPS-1",
        "policy",
        "The served policy differs from its version while the id is unchanged",
      ],
    ]);
    expect(r.second).toEqual([]);
  });

  it("CHK-OPS-2: the DNS id changed while the old body is still served", async () => {
    const r = await scenario("order", async () => {
      const v2 = await createPolicyVersion(
        t.db,
        ids.get("order") as string,
        { mode: "enforce", maxAge: 1209600, mx: ["mx.order.watch.test"] },
        "edit",
        actor,
      );
      if (!v2.ok) throw new Error(v2.error);
      world.setTxt("_mta-sts.order.watch.test", [`v=STSv1; id=${v2.value.policyId}`]);
    });
    expect(r.baseline).toEqual([]);
    expect(r.first.map((a) => [a.kind, a.subject, a.title])).toEqual([
      ["CHK-OPS-2", "policy", "The DNS id changed but the old policy is still served"],
    ]);
    expect(r.second).toEqual([]);
  });

  it("CHK-OPS-4: the TXT record removed while the enforce policy may be cached", async () => {
    const r = await scenario("txt", () => world.setTxt("_mta-sts.txt.watch.test", []));
    expect(r.baseline).toEqual([]);
    expect(r.first.map((a) => [a.kind, a.subject, a.title])).toEqual([
      [
        "CHK-OPS-4",
        "_mta-sts.txt.watch.test",
        "The MTA-STS TXT record is gone while senders may still cache the policy",
      ],
    ]);
    expect(r.second).toEqual([]);
  });

  it("CHK-OPS-4: the policy host gone (its address withdrawn)", async () => {
    const r = await scenario("host", () => world.setRecords("mta-sts.host.watch.test", "A", []));
    expect(r.baseline).toEqual([]);
    expect(r.first.map((a) => [a.kind, a.subject, a.title])).toEqual([
      [
        "CHK-OPS-4",
        "mta-sts.host.watch.test",
        "The policy host is gone while senders may still cache the policy",
      ],
    ]);
    expect(r.first[0]?.detail).toMatch(
      /^CHK-HOST-1 Policy host does not resolve: mta-sts\.host\.watch\.test: the name (exists but has no records of this type|does not exist \(NXDOMAIN\)); the check of .* UTC fetched it\. Senders may keep the enforce policy \(max_age 604800\) until .* UTC\.$/,
    );
    expect(r.second).toEqual([]);
  });
});
