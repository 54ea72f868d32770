import { describe, expect, it } from "vitest";
import {
  checkStep,
  dnsStep,
  policyStep,
  publishStep,
  rolloutState,
  whereItStands,
  type PolicyFacts,
  type StepState,
} from "./step-state";
import type { DnsVerification, PublishVerification, RecordCheck } from "./types";

const policy: PolicyFacts = {
  policyId: "20250301T120000Z",
  mode: "testing",
  mx: ["mx1.example.org", "*.mx.example.net"],
};
const ids = ["20250201T000000Z", "20250301T120000Z"];

const publish = (over: Partial<PublishVerification> = {}): PublishVerification => ({
  at: "2025-03-01T12:05:00Z",
  policyId: policy.policyId,
  url: "https://mta-sts.example.org/.well-known/mta-sts.txt",
  address: "192.0.2.1",
  ok: true,
  sameBytes: true,
  servesOlderVersion: null,
  problems: [],
  statusLine: "HTTP/1.1 200 OK",
  contentType: "text/plain; charset=utf-8",
  certificate: "subject CN=mta-sts.example.org",
  served: "version: STSv1\r\n",
  diff: [],
  ...over,
});

const record = (over: Partial<RecordCheck> = {}): RecordCheck => ({
  name: "_smtp._tls.example.org",
  status: "match",
  expected: "v=TLSRPTv1; rua=mailto:r@example.org",
  found: ["v=TLSRPTv1; rua=mailto:r@example.org"],
  ttl: 3600,
  notes: [],
  ...over,
});

const dns = (foundId: string | null, over: Partial<DnsVerification> = {}): DnsVerification => ({
  at: "2025-03-01T12:10:00Z",
  policyId: policy.policyId,
  sts: {
    ...record({ name: "_mta-sts.example.org", expected: `v=STSv1; id=${policy.policyId}` }),
    status: foundId === null ? "missing" : foundId === policy.policyId ? "match" : "mismatch",
    found: foundId === null ? [] : [`v=STSv1; id=${foundId}`],
    foundId,
  },
  tlsRpt: record(),
  mxHosts: ["mx1.example.org", "a.mx.example.net"],
  ...over,
});

const done: StepState = { status: "done", summary: "", message: { key: "dnsDone" } };
const open: StepState = { status: "attention", summary: "", message: { key: "checkFailed" } };

describe("step 1: check", () => {
  it("is not started without a run or while one runs", () => {
    expect(checkStep(null).status).toBe("not-started");
    expect(checkStep({ status: "running", errors: 0, finishedAt: null }).status).toBe(
      "not-started",
    );
  });
  it("needs attention after a failed run or one with errors", () => {
    expect(checkStep({ status: "failed", errors: 0, finishedAt: new Date() }).status).toBe(
      "attention",
    );
    expect(checkStep({ status: "done", errors: 2, finishedAt: new Date() })).toMatchObject({
      status: "attention",
      summary: "The last check found 2 errors: fix them, then check again.",
      // issue 16 §6: the same sentence as a message of "steps.state", counted by ICU plural
      message: { key: "checkErrors", params: { count: 2 } },
    });
  });
  it("is done after a run without errors", () => {
    expect(checkStep({ status: "done", errors: 0, finishedAt: new Date() }).status).toBe("done");
  });
});

describe("step 2: policy", () => {
  it("is not started without a version, done with one", () => {
    expect(policyStep(null, null).status).toBe("not-started");
    expect(policyStep(policy, null)).toMatchObject({
      status: "done",
      summary: "Policy 20250301T120000Z (testing).",
    });
    expect(policyStep(policy, dns(policy.policyId)).status).toBe("done");
  });
  it("needs attention when a live MX host is not covered (CHK-OPS-3)", () => {
    const moved = dns(policy.policyId, { mxHosts: ["mx1.example.org", "new.example.com"] });
    expect(policyStep(policy, moved)).toMatchObject({
      status: "attention",
      summary:
        "MX new.example.com is not covered by policy 20250301T120000Z: add it and save a new version.",
    });
    expect(policyStep({ ...policy, mode: "none", mx: [] }, moved).status).toBe("done");
  });
});

describe("step 3: publish", () => {
  it("is not started without a policy or a verification", () => {
    expect(publishStep(null, null).status).toBe("not-started");
    expect(publishStep(policy, null).status).toBe("not-started");
  });
  it("needs attention when the policy changed since the verification", () => {
    expect(publishStep(policy, publish({ policyId: "20250201T000000Z" }))).toMatchObject({
      status: "attention",
      summary: "Policy 20250301T120000Z is new since the last verification: serve it, then verify.",
    });
  });
  it("needs attention when the host serves an older version or has problems", () => {
    const older = publish({ ok: false, sameBytes: false, servesOlderVersion: "20250201T000000Z" });
    expect(publishStep(policy, older).summary).toBe(
      "The host still serves version 20250201T000000Z, not 20250301T120000Z.",
    );
    const redirect = publish({ ok: false, problems: ["The URL redirects (301)."] });
    expect(publishStep(policy, redirect)).toMatchObject({
      status: "attention",
      summary: "The URL redirects (301).",
    });
  });
  it("is done when the current version is served byte for byte", () => {
    expect(publishStep(policy, publish()).status).toBe("done");
  });
});

describe("step 4: DNS records", () => {
  it("is not started without a policy or a verification", () => {
    expect(dnsStep(null, [], done, null).status).toBe("not-started");
    expect(dnsStep(policy, ids, done, null).status).toBe("not-started");
  });
  it("flags a missing record, an older id and a foreign id", () => {
    expect(dnsStep(policy, ids, done, dns(null)).summary).toBe("The _mta-sts record is missing.");
    expect(dnsStep(policy, ids, done, dns("20250201T000000Z")).summary).toBe(
      "DNS carries id 20250201T000000Z, which belongs to an older version: change it to 20250301T120000Z.",
    );
    expect(dnsStep(policy, ids, done, dns("wrong1")).summary).toBe(
      "DNS carries id wrong1, which belongs to no version this app created: change it to 20250301T120000Z.",
    );
  });
  it("flags an invalid _mta-sts record", () => {
    const invalid = dns(null);
    invalid.sts.status = "invalid";
    expect(dnsStep(policy, ids, done, invalid)).toMatchObject({
      status: "attention",
      summary: "The _mta-sts record is not valid.",
    });
  });
  it("flags a TLS-RPT record that does not match", () => {
    const v = dns(policy.policyId, {
      tlsRpt: record({
        status: "missing",
        found: [],
        notes: ["no record at _smtp._tls.example.org"],
      }),
    });
    expect(dnsStep(policy, ids, done, v)).toMatchObject({
      status: "attention",
      summary: "The _smtp._tls record: no record at _smtp._tls.example.org.",
    });
  });
  it("warns when DNS names the id before the body is proven served (STS-OPS-5)", () => {
    expect(dnsStep(policy, ids, open, dns(policy.policyId)).summary).toMatch(
      /not verified to serve it: senders may cache the wrong body/,
    );
  });
  it("is done when both records match and the body is served", () => {
    expect(dnsStep(policy, ids, done, dns(policy.policyId))).toMatchObject({
      status: "done",
      summary: "Both records match.",
    });
  });
});

describe("the whole rollout", () => {
  it("says where a domain stands", () => {
    const none = rolloutState({
      check: null,
      policy: null,
      policyIds: [],
      publish: null,
      dns: null,
    });
    expect(whereItStands(none, null)).toEqual({ label: "Step 1 · Check", status: "not-started" });
    const checked = { status: "done" as const, errors: 0, finishedAt: new Date() };
    const live = rolloutState({
      check: checked,
      policy,
      policyIds: ids,
      publish: publish(),
      dns: dns(policy.policyId),
    });
    expect(whereItStands(live, "testing")).toEqual({
      label: "Live in testing mode",
      status: "done",
    });
    const wrongId = rolloutState({
      check: checked,
      policy,
      policyIds: ids,
      publish: publish(),
      dns: dns("x1"),
    });
    expect(whereItStands(wrongId, "testing")).toEqual({
      label: "Step 4 · DNS records: needs attention",
      status: "attention",
    });
  });
});
