// Where each rollout step stands, derived from stored data and the latest live
// verification, never from button clicks (issue 5, item 4). Pure: no I/O.
import type { MessageRef } from "@/lib/i18n/message-ref";
import { findMatchingPattern } from "@/lib/mta-sts/mx-pattern";
import type { DnsVerification, PublishVerification } from "./types";

export type StepStatus = "not-started" | "attention" | "done";

export interface StepState {
  status: StepStatus;
  /** One sentence a person can act on. */
  summary: string;
  /** The same sentence as a message of the "steps.state" namespace (issue 16 §6). */
  message: MessageRef;
}

export interface CheckRunFacts {
  status: "running" | "done" | "failed";
  errors: number;
  finishedAt: Date | null;
}

export interface PolicyFacts {
  policyId: string;
  mode: "enforce" | "testing" | "none";
  mx: string[];
}

export interface RolloutFacts {
  /** The newest check run (step 1), or null. */
  check: CheckRunFacts | null;
  /** The served version, or null. */
  policy: PolicyFacts | null;
  /** Every id the domain's versions ever had. */
  policyIds: string[];
  publish: PublishVerification | null;
  dns: DnsVerification | null;
}

export interface RolloutState {
  check: StepState;
  policy: StepState;
  publish: StepState;
  dns: StepState;
}

const state = (
  status: StepStatus,
  summary: string,
  key: string,
  params?: MessageRef["params"],
): StepState => ({ status, summary, message: { key, params } });

export function checkStep(check: CheckRunFacts | null): StepState {
  if (check === null) return state("not-started", "No check has run yet.", "checkNone");
  if (check.status === "running")
    return state("not-started", "A check is running.", "checkRunning");
  if (check.status === "failed")
    return state("attention", "The last check did not finish: run it again.", "checkFailed");
  if (check.errors > 0) {
    const n = check.errors === 1 ? "1 error" : `${check.errors} errors`;
    return state(
      "attention",
      `The last check found ${n}: fix them, then check again.`,
      "checkErrors",
      {
        count: check.errors,
      },
    );
  }
  return state("done", "The last check found no errors.", "checkDone");
}

export function policyStep(policy: PolicyFacts | null, dns: DnsVerification | null): StepState {
  if (policy === null) return state("not-started", "No policy yet.", "policyNone");
  // CHK-OPS-3 style: the MX records moved away from what the policy allows.
  const uncovered =
    policy.mode === "none"
      ? []
      : (dns?.mxHosts ?? []).filter((h) => findMatchingPattern(policy.mx, h) === null);
  if (uncovered.length > 0) {
    return state(
      "attention",
      `MX ${uncovered.join(", ")} is not covered by policy ${policy.policyId}: add it and save a new version.`,
      "policyUncovered",
      { hosts: uncovered.join(", "), count: uncovered.length, id: policy.policyId },
    );
  }
  return state("done", `Policy ${policy.policyId} (${policy.mode}).`, "policyDone", {
    id: policy.policyId,
    mode: policy.mode,
  });
}

export function publishStep(
  policy: PolicyFacts | null,
  publish: PublishVerification | null,
): StepState {
  if (policy === null) return state("not-started", "Create a policy first.", "publishNoPolicy");
  if (publish === null)
    return state("not-started", "Not verified yet: serve the policy, then verify.", "publishNone");
  if (publish.policyId !== policy.policyId) {
    return state(
      "attention",
      `Policy ${policy.policyId} is new since the last verification: serve it, then verify.`,
      "publishNew",
      { id: policy.policyId },
    );
  }
  if (!publish.ok) {
    const why = publish.servesOlderVersion
      ? `The host still serves version ${publish.servesOlderVersion}, not ${policy.policyId}.`
      : (publish.problems[0] ?? "The served policy is not the current version.");
    return publish.servesOlderVersion
      ? state("attention", why, "publishOlder", {
          served: publish.servesOlderVersion,
          id: policy.policyId,
        })
      : publish.problems[0]
        ? state("attention", why, "publishProblem", { detail: publish.problems[0] })
        : state("attention", why, "publishNotCurrent");
  }
  return state("done", `Served byte for byte as version ${policy.policyId}.`, "publishDone", {
    id: policy.policyId,
  });
}

export function dnsStep(
  policy: PolicyFacts | null,
  policyIds: readonly string[],
  publish: StepState,
  dns: DnsVerification | null,
): StepState {
  if (policy === null)
    return state("not-started", "Create and publish a policy first.", "dnsNoPolicy");
  if (dns === null)
    return state("not-started", "Not verified yet: add the records, then verify.", "dnsNone");
  const { sts, tlsRpt } = dns;
  if (sts.foundId !== policy.policyId) {
    if (sts.status === "missing")
      return state("attention", "The _mta-sts record is missing.", "dnsMissing");
    if (sts.foundId === null)
      return state("attention", "The _mta-sts record is not valid.", "dnsInvalid");
    const whose = policyIds.includes(sts.foundId)
      ? "an older version"
      : "no version this app created";
    return state(
      "attention",
      `DNS carries id ${sts.foundId}, which belongs to ${whose}: change it to ${policy.policyId}.`,
      policyIds.includes(sts.foundId) ? "dnsOlderId" : "dnsForeignId",
      { found: sts.foundId, id: policy.policyId },
    );
  }
  if (tlsRpt.status !== "match") {
    return state(
      "attention",
      `The _smtp._tls record: ${tlsRpt.notes[0] ?? tlsRpt.status}.`,
      "dnsTlsRpt",
      {
        detail: tlsRpt.notes[0] ?? tlsRpt.status,
      },
    );
  }
  // STS-OPS-5 / CHK-OPS-2: the id is live but the body behind it is not proven served.
  if (publish.status !== "done") {
    return state(
      "attention",
      `DNS names id ${policy.policyId}, but the policy host is not verified to serve it: senders may cache the wrong body under this id.`,
      "dnsNotServed",
      { id: policy.policyId },
    );
  }
  return state("done", "Both records match.", "dnsDone");
}

export function rolloutState(f: RolloutFacts): RolloutState {
  const publish = publishStep(f.policy, f.publish);
  return {
    check: checkStep(f.check),
    policy: policyStep(f.policy, f.dns),
    publish,
    dns: dnsStep(f.policy, f.policyIds, publish, f.dns),
  };
}

/** For the domain list: the first step that is not done, or "Live in <mode>". */
export function whereItStands(
  s: RolloutState,
  mode: PolicyFacts["mode"] | null,
): {
  label: string;
  status: StepStatus;
} {
  const order: [string, StepState][] = [
    ["Check", s.check],
    ["Policy", s.policy],
    ["Publish", s.publish],
    ["DNS records", s.dns],
  ];
  const open = order.find(([, st]) => st.status !== "done");
  if (open === undefined) return { label: `Live in ${mode ?? "testing"} mode`, status: "done" };
  const [name, st] = open;
  const n = order.indexOf(open) + 1;
  return {
    label:
      st.status === "attention" ? `Step ${n} · ${name}: needs attention` : `Step ${n} · ${name}`,
    status: st.status,
  };
}

/** The first step that is not done, or "live" (the domain list's step filter, issue 16). */
export function openStep(s: RolloutState): "check" | "policy" | "publish" | "dns" | "live" {
  const order = ["check", "policy", "publish", "dns"] as const;
  return order.find((k) => s[k].status !== "done") ?? "live";
}
