import { describe, expect, it } from "vitest";
import { auditFindingRefs } from "../checker/ref-audit";
import { detectBodyChanged, detectIdBeforeBody } from "./policy-body";
import { body, facts, input, run, version } from "./watch.test-utils";

const V1 = version(1, "v1", "testing", ["mx1.example.com"], "2026-11-01T10:00:00Z");
const V2 = version(2, "v2", "enforce", ["mx1.example.com"], "2026-11-20T10:00:00Z");

describe("CHK-OPS-1: the served body changed while the id did not (STS-OPS-2)", () => {
  it("finds a body that differs from the version its DNS id names", () => {
    const served = body("enforce", ["mx1.example.com", "mx9.example.com"]);
    const d = detectBodyChanged(
      input({
        versions: [V2, V1],
        runs: [
          run(
            "2026-11-30T11:00:00Z",
            facts({
              txt: { status: "present", id: "v2" },
              policy: { status: "served", body: served },
            }),
          ),
        ],
      }),
    );
    // issue 16 §6: each text has a ref that formats to it
    expect(auditFindingRefs(d.findings)).toEqual([]);
    expect(d).toMatchObject({
      kind: "CHK-OPS-1",
      evaluated: true,
      keep: [],
      findings: [
        {
          kind: "CHK-OPS-1",
          subject: "policy",
          severity: "error",
          title: "The served policy differs from its version while the id is unchanged",
          detail:
            "_mta-sts.example.com says id=v2; version v2 is mode: enforce; mx: mx1.example.com; max_age: 604800, but https://mta-sts.example.com/.well-known/mta-sts.txt serves mode: enforce; mx: mx1.example.com, mx9.example.com; max_age: 604800.",
          fix: "Senders that cached id v2 keep the old policy and never fetch this one (STS-OPS-2). Restore the file of version v2, or save the served policy as a new version and publish its new id in the TXT record.",
        },
      ],
    });
    expect(
      detectIdBeforeBody(
        input({
          versions: [V2, V1],
          runs: [
            run(
              "2026-11-30T11:00:00Z",
              facts({
                txt: { status: "present", id: "v2" },
                policy: { status: "served", body: served },
              }),
            ),
          ],
        }),
      ).findings,
    ).toEqual([]);
  });

  it("finds nothing when the body says the same as its version (LF instead of CRLF, mx order)", () => {
    const served = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n";
    const d = detectBodyChanged(
      input({
        versions: [V2, V1],
        runs: [
          run(
            "2026-11-30T11:00:00Z",
            facts({
              txt: { status: "present", id: "v2" },
              policy: { status: "served", body: served },
            }),
          ),
        ],
      }),
    );
    expect(d).toEqual({ kind: "CHK-OPS-1", evaluated: true, keep: [], findings: [] });
  });

  it("compares with the previous run for an id the dashboard never saved", () => {
    const before = facts({ txt: { status: "present", id: "self1" } });
    const after = facts({
      txt: { status: "present", id: "self1" },
      policy: { status: "served", body: body("testing", ["mx1.example.com"]) },
    });
    const d = detectBodyChanged(
      input({ runs: [run("2026-11-30T11:00:00Z", after), run("2026-11-29T11:00:00Z", before)] }),
    );
    expect(auditFindingRefs(d.findings)).toEqual([]);
    expect(d.findings).toMatchObject([
      {
        kind: "CHK-OPS-1",
        subject: "policy",
        severity: "error",
        title: "The served policy changed while the id did not",
        detail:
          "_mta-sts.example.com says id=self1, as at the check of 2026-11-29 11:00 UTC; https://mta-sts.example.com/.well-known/mta-sts.txt served mode: enforce; mx: mx1.example.com; max_age: 604800 then and serves mode: testing; mx: mx1.example.com; max_age: 604800 now.",
        fix: "Change the id in the TXT record at _mta-sts.example.com (e.g. to a new UTC timestamp): senders that cached id self1 keep the old policy until they fetch again (STS-OPS-2).",
      },
    ]);
  });

  it("cannot judge when the TXT lookup or the fetch gave no answer", () => {
    const d = detectBodyChanged(
      input({
        versions: [V2],
        runs: [run("2026-11-30T11:00:00Z", facts({ txt: { status: "unknown", id: null } }))],
      }),
    );
    expect(d).toEqual({ kind: "CHK-OPS-1", evaluated: false, keep: [], findings: [] });
  });
});

describe("CHK-OPS-2: the DNS id names a newer version while the old body is served (STS-OPS-5)", () => {
  it("finds the old body served under the new id, once, as a warning", () => {
    const inp = input({
      versions: [V2, V1],
      runs: [
        run(
          "2026-11-30T11:00:00Z",
          facts({
            txt: { status: "present", id: "v2" },
            policy: { status: "served", body: V1.body },
          }),
        ),
      ],
    });
    expect(auditFindingRefs(detectIdBeforeBody(inp).findings)).toEqual([]);
    expect(detectIdBeforeBody(inp).findings).toMatchObject([
      {
        kind: "CHK-OPS-2",
        subject: "policy",
        severity: "warning",
        title: "The DNS id changed but the old policy is still served",
        detail:
          "_mta-sts.example.com says id=v2 (saved 2026-11-20 10:00 UTC: mode: enforce; mx: mx1.example.com; max_age: 604800), but https://mta-sts.example.com/.well-known/mta-sts.txt serves the body of the older version v1 (mode: testing; mx: mx1.example.com; max_age: 604800).",
        fix: "Publish the policy of version v2 at https://mta-sts.example.com/.well-known/mta-sts.txt now: senders that fetched since the id changed have cached the old body under the new id (STS-OPS-5: publish the body first, then the id). Once the new body is live, change the id in the TXT record again so they fetch it.",
      },
    ]);
    expect(detectBodyChanged(inp).findings).toEqual([]);
  });

  it("is quiet when the new body is live before the id changes (the right order)", () => {
    const inp = input({
      versions: [V2, V1],
      runs: [
        run(
          "2026-11-30T11:00:00Z",
          facts({
            txt: { status: "present", id: "v1" },
            policy: { status: "served", body: V2.body },
          }),
        ),
      ],
    });
    expect(detectIdBeforeBody(inp).findings).toEqual([]);
    expect(detectBodyChanged(inp).findings).toEqual([]);
  });
});
