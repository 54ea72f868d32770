import { describe, expect, it } from "vitest";
import { auditFindingRefs } from "../checker/ref-audit";
import type { CheckResult } from "../checker/types";
import { detectStsGone } from "./sts-gone";
import { facts, input, run, version } from "./watch.test-utils";

const V = version(1, "v1", "enforce", ["mx1.example.com"], "2026-11-01T10:00:00Z", 86400);

describe("CHK-OPS-4: the TXT record or the policy host gone while a policy may be cached (STS-OPS-9)", () => {
  it("finds a removed TXT record while the enforce policy is still cached", () => {
    const d = detectStsGone(
      input({
        versions: [V],
        runs: [
          run("2026-11-30T11:00:00Z", facts({ txt: { status: "absent", id: null } })),
          run("2026-11-29T11:00:00Z", facts()),
        ],
      }),
    );
    // issue 16 §6: each text has a ref that formats to it
    expect(auditFindingRefs(d.findings)).toEqual([]);
    expect(d.findings).toMatchObject([
      {
        kind: "CHK-OPS-4",
        subject: "_mta-sts.example.com",
        severity: "error",
        title: "The MTA-STS TXT record is gone while senders may still cache the policy",
        detail:
          "_mta-sts.example.com has no MTA-STS record; the check of 2026-11-29 11:00 UTC found id=v1. Senders may keep the enforce policy (max_age 604800) until 2026-12-07 11:00 UTC.",
        fix: "Restore the TXT record. Deleting it does not cancel cached policies (STS-OPS-4): senders keep applying them and cannot learn of changes. To remove MTA-STS, publish mode: none with a new id first and delete the record only after the cached policies expire (STS-OPS-9).",
      },
    ]);
  });

  it("finds the policy host down, citing the checker's error", () => {
    const down: CheckResult = {
      id: "CHK-HOST-2",
      severity: "error",
      title: "TLS connection to the policy host failed",
      evidence:
        "https://mta-sts.example.com/.well-known/mta-sts.txt (192.0.2.1): connect: ECONNREFUSED",
      fix: "",
      target: "mta-sts.example.com",
    };
    const d = detectStsGone(
      input({
        runs: [
          run("2026-11-30T11:00:00Z", facts({ policy: { status: "failed", body: null } }), [down]),
          run("2026-11-29T11:00:00Z", facts()),
        ],
      }),
    );
    expect(d.findings.map((f) => [f.subject, f.title, f.detail])).toEqual([
      [
        "mta-sts.example.com",
        "The policy host is gone while senders may still cache the policy",
        "CHK-HOST-2 TLS connection to the policy host failed: https://mta-sts.example.com/.well-known/mta-sts.txt (192.0.2.1): connect: ECONNREFUSED; the check of 2026-11-29 11:00 UTC fetched it. Senders may keep the enforce policy (max_age 604800) until 2026-12-06 11:00 UTC.",
      ],
    ]);
  });

  it("says nothing for a TXT record that was never published, or after the cache expired", () => {
    const absent = facts({ txt: { status: "absent", id: null } });
    expect(
      detectStsGone(
        input({
          versions: [V],
          runs: [run("2026-11-30T11:00:00Z", absent), run("2026-11-29T11:00:00Z", absent)],
        }),
      ).findings,
    ).toEqual([]);
    const none = version(2, "v2", "none", [], "2026-11-10T10:00:00Z", 86400);
    const removed = facts({
      txt: { status: "absent", id: null },
      policy: { status: "served", body: none.body },
    });
    const old = run("2026-11-09T11:00:00Z", facts({ policy: { status: "served", body: V.body } }));
    expect(
      detectStsGone(
        input({ versions: [none, V], runs: [run("2026-11-30T11:00:00Z", removed), old] }),
      ).findings,
    ).toEqual([]);
  });

  it("keeps its findings open when the lookups gave no answer", () => {
    const unknown = facts({
      txt: { status: "unknown", id: null },
      policy: { status: "unknown", body: null },
    });
    expect(detectStsGone(input({ runs: [run("2026-11-30T11:00:00Z", unknown)] })).keep).toEqual([
      "_mta-sts.example.com",
      "mta-sts.example.com",
    ]);
  });
});
