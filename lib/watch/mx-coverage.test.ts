import { describe, expect, it } from "vitest";
import { auditFindingRefs } from "../checker/ref-audit";
import { detectUncoveredMx } from "./mx-coverage";
import { checkedRefs, facts, input, run, version } from "./watch.test-utils";

const V = version(1, "v1", "enforce", ["mx1.example.com"], "2026-11-01T10:00:00Z");
const mx = (...hosts: string[]) => facts({ mx: { status: "ok", hosts } });

describe("CHK-OPS-3: an MX host the current policy does not cover", () => {
  it("finds the host that moved to a new provider, and says it is new", () => {
    const found = detectUncoveredMx(
      input({
        versions: [V],
        runs: [
          run("2026-11-30T11:00:00Z", mx("mx1.example.com", "mx.newprovider.net")),
          run("2026-11-29T11:00:00Z", mx("mx1.example.com")),
        ],
      }),
    );
    // issue 16 §6: each text has a ref that formats to it
    expect(auditFindingRefs(found.findings)).toEqual([]);
    const d = checkedRefs(found);
    expect(d).toMatchObject({
      kind: "CHK-OPS-3",
      evaluated: true,
      keep: [],
      findings: [
        {
          kind: "CHK-OPS-3",
          subject: "mx.newprovider.net",
          severity: "error",
          title: "MX host mx.newprovider.net is not covered by the policy",
          detail:
            "MX hosts of example.com: mx1.example.com, mx.newprovider.net; the enforce policy (id v1) lists mx: mx1.example.com. mx.newprovider.net is new since the check of 2026-11-29 11:00 UTC.",
          fix: 'Add "mx: mx.newprovider.net" (or a wildcard that covers it) to the policy, save it and publish the new id, before mail moves to mx.newprovider.net; or correct the MX record. Under enforce, senders that honour MTA-STS refuse to deliver to a host the policy does not list.',
        },
      ],
    });
  });

  it("accepts hosts a wildcard covers, and says nothing under mode none", () => {
    const wild = version(2, "v2", "enforce", ["*.example.com"], "2026-11-02T10:00:00Z");
    expect(
      checkedRefs(
        detectUncoveredMx(
          input({ versions: [wild], runs: [run("2026-11-30T11:00:00Z", mx("mx7.example.com"))] }),
        ),
      ).findings,
    ).toEqual([]);
    const none = version(3, "v3", "none", [], "2026-11-03T10:00:00Z");
    expect(
      checkedRefs(
        detectUncoveredMx(
          input({ versions: [none], runs: [run("2026-11-30T11:00:00Z", mx("other.net"))] }),
        ),
      ),
    ).toEqual({
      kind: "CHK-OPS-3",
      evaluated: true,
      keep: [],
      findings: [],
    });
  });

  it("cannot judge when the MX lookup failed", () => {
    const f = facts({ mx: { status: "unknown", hosts: [] } });
    expect(
      checkedRefs(
        detectUncoveredMx(input({ versions: [V], runs: [run("2026-11-30T11:00:00Z", f)] })),
      ).evaluated,
    ).toBe(false);
  });
});
