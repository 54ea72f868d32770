// §14.5, CHK-AUTH-*, safety, the overall deadline and event streaming, on loopback servers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "../../e2e/servers/lab-check";
import { auditRefs } from "./ref-audit";
import { diffReports } from "./diff";
import { runCheck } from "./run-check";
import type { CheckEvent, CheckReport } from "./types";

let lab: Lab;
const reports = new Map<string, CheckReport>();
const report = (d: string) => reports.get(d) as CheckReport;

beforeAll(async () => {
  lab = await startLab();
  const names = [
    "rpt-two.test",
    "rpt-scheme.test",
    "rpt-nullmx.test",
    "rpt-nomail.test",
    "rpt-multi.test",
    "rpt-draft.test",
    "nullmx.test",
    "nope.test",
  ];
  const done = await Promise.all([
    ...names.map((d) => lab.check(d)),
    lab.check("auth-bad.test", { dkimSelectors: ["old", "missing"] }),
    lab.check("private.test", { allowPrivate: false }),
    ...["rpt-second.test", "rpt-first.test", "rpt-multi.test"].map((d) =>
      lab
        .check(d, { ownRua: ["mailto:tlsrpt@good.test"] })
        .then((r) => ({ ...r, domain: `own:${d}` })),
    ),
  ]);
  done.forEach((r) => reports.set(r.domain, r));
});
afterAll(() => lab?.stop());

describe("§14.5 TLS-RPT", () => {
  it("CHK-RPT-8 warning (issue 15): the app's address is second in rua; Microsoft sends only to the first", () => {
    expect(pick(report("own:rpt-second.test"), "CHK-RPT-8")).toMatchObject({
      severity: "warning",
      title: "This installation's report address is not the first rua",
      evidence:
        "rua: mailto:vendor@good.test, mailto:tlsrpt@good.test; mailto:tlsrpt@good.test is number 2, Microsoft sends only to mailto:vendor@good.test",
      fix: "Put mailto:tlsrpt@good.test first in rua: Microsoft sends reports only to the first rua address.",
    });
  });
  it("CHK-RPT-8 ok when it is first (case-insensitive); warning when it is missing; none without ownRua", () => {
    expect(pick(report("own:rpt-first.test"), "CHK-RPT-8").severity).toBe("ok");
    expect(pick(report("own:rpt-multi.test"), "CHK-RPT-8")).toMatchObject({
      severity: "warning",
      title: "This installation's report address is not in rua",
    });
    expect(report("rpt-multi.test").results.filter((r) => r.id === "CHK-RPT-8")).toEqual([]);
  });
  it("CHK-RPT-2 error: two records", () => {
    expect(pick(report("rpt-two.test"), "CHK-RPT-2")).toMatchObject({
      severity: "error",
      title: "More than one TLS-RPT record",
    });
  });
  it("CHK-RPT-3 error: http: scheme", () => {
    const r = pick(report("rpt-scheme.test"), "CHK-RPT-3");
    expect(r.severity).toBe("error");
    expect(r.fix).toContain("Plain http: is not allowed; use https:.");
  });
  it("CHK-RPT-4 warning: several rua= fields", () => {
    expect(pick(report("rpt-multi.test"), "CHK-RPT-4").severity).toBe("warning");
  });
  it("CHK-RPT-5 warning: only at the draft name", () => {
    expect(pick(report("rpt-draft.test"), "CHK-RPT-5").severity).toBe("warning");
  });
  it("CHK-RPT-7 error: mailbox domain has a null MX, or does not exist", () => {
    expect(pick(report("rpt-nullmx.test"), "CHK-RPT-7")).toMatchObject({
      severity: "error",
      title: "Report mailbox domain accepts no mail (null MX)",
      target: "tlsrpt@nullmx.test",
    });
    expect(pick(report("rpt-nomail.test"), "CHK-RPT-7")).toMatchObject({
      severity: "error",
      title: "Report mailbox domain cannot receive mail",
    });
  });
});

describe("MX records", () => {
  it("CHK-MX-9 warning: null MX together with a policy", () => {
    expect(pick(report("nullmx.test"), "CHK-DNS-1").title).toBe(
      "Null MX: the domain accepts no mail",
    );
    expect(pick(report("nullmx.test"), "CHK-MX-9").severity).toBe("warning");
  });
  it("CHK-DNS-1 error: the domain does not exist", () => {
    expect(pick(report("nope.test"), "CHK-DNS-1")).toMatchObject({
      severity: "error",
      title: "The domain does not exist",
    });
  });
});

describe("CHK-AUTH", () => {
  it("CHK-AUTH-1 error: two SPF records", () => {
    expect(pick(report("auth-bad.test"), "CHK-AUTH-1")).toMatchObject({
      severity: "error",
      title: "More than one SPF record",
    });
  });
  it("CHK-AUTH-2 error: invalid p=", () => {
    const r = pick(report("auth-bad.test"), "CHK-AUTH-2");
    expect(r).toMatchObject({ severity: "error", title: "DMARC record does not parse" });
    expect(r.fix).toBe("Fix the record: p=maybe is not none, quarantine or reject.");
  });
  it("CHK-AUTH-3: error for a missing selector, warning for a revoked key", () => {
    expect(pick(report("auth-bad.test"), "CHK-AUTH-3", "missing")).toMatchObject({
      severity: "error",
      title: "No DKIM key for selector missing",
    });
    expect(pick(report("auth-bad.test"), "CHK-AUTH-3", "old").severity).toBe("warning");
  });
});

describe("safety: private, CGNAT and metadata addresses", () => {
  it("refuses to connect and says why (CHK-NET-1, untested)", () => {
    const r = report("private.test");
    expect(pick(r, "CHK-NET-1", "mx.private.test").evidence).toBe(
      "mx.private.test: 10.0.0.25 (private)",
    );
    expect(pick(r, "CHK-NET-1", "meta.private.test").evidence).toBe(
      "meta.private.test: 169.254.169.254 (metadata)",
    );
    expect(pick(r, "CHK-NET-1", "mta-sts.private.test").evidence).toBe(
      "mta-sts.private.test: 100.64.0.1 (carrierGradeNat)",
    );
    expect(pick(r, "CHK-MX-3", "mx.private.test").severity).toBe("untested");
    expect(pick(r, "CHK-HOST-2").severity).toBe("untested");
  });

  it("refuses loopback too unless allowPrivate is set", async () => {
    const r = await lab.check("good.test", { allowPrivate: false });
    expect(pick(r, "CHK-MX-3", "mx1.good.test").severity).toBe("untested");
    expect(r.summary.ok).toBeLessThan(20);
  });
});

describe("deadline and streaming", () => {
  it("finishes within the overall deadline when every host blackholes", async () => {
    const started = Date.now();
    const r = await lab.check("blackhole.test", { stepTimeoutMs: 10_000, deadlineMs: 1_000 });
    // 1 s deadline; the bound leaves room for a loaded machine and stays far under the
    // 10 s step timeout, which is what a check ignoring the deadline would wait for.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.deadlineHit).toBe(true);
    for (const host of ["a", "b", "c", "d"]) {
      expect(pick(r, "CHK-MX-3", `${host}.blackhole.test`).severity).toBe("untested");
    }
  });

  it("streams probe-started, results and progress, then done", async () => {
    const events: CheckEvent[] = [];
    for await (const e of runCheck("good.test", lab.options)) events.push(e);
    const last = events[events.length - 1];
    expect(last?.type).toBe("done");
    const finished = events.filter((e) => e.type === "probe-finished");
    const started = events.filter((e) => e.type === "probe-started");
    expect(finished).toHaveLength(started.length);
    expect(finished[finished.length - 1]).toMatchObject({ progress: { finished: 8, total: 8 } });
    expect(JSON.parse(JSON.stringify(last))).toEqual(last);
  });

  it("rejects an invalid domain name without any lookup", async () => {
    const r = await lab.check("not a domain");
    expect(r.results).toEqual([
      {
        id: "CHK-DNS-1",
        severity: "error",
        title: "Not a valid domain name",
        evidence: '"not a domain"',
        fix: "Enter a domain name such as example.com.",
        // issue 16 §6: the texts' refs, for the check page in the user's language
        i18n: { title: { key: "run.invalidDomain" }, fix: { key: "run.invalidDomainFix" } },
      },
    ]);
  });
});

describe("diffReports", () => {
  it("lists fixed, regressed, new and gone results", () => {
    const base = report("rpt-two.test");
    const next: CheckReport = {
      ...base,
      results: base.results
        .map((r) => (r.id === "CHK-RPT-2" ? { ...r, severity: "ok" as const } : r))
        .filter((r) => r.id !== "CHK-AUTH-1"),
    };
    next.results.push({ id: "CHK-X-1", severity: "warning", title: "t", evidence: "e", fix: "f" });
    const kinds = diffReports(base, next).map((c) => `${c.kind}:${c.id}`);
    expect(kinds.sort()).toEqual(["fixed:CHK-RPT-2", "gone:CHK-AUTH-1", "new:CHK-X-1"]);
    expect(diffReports(base, base)).toEqual([]);
  });
});

describe("issue 16 §6: translatable texts", () => {
  it("every text of these runs has its ref in English and German, formatting to the stored English", () => {
    const audit = auditRefs([...reports.values()].flatMap((r) => r.results));
    expect(audit.problems).toEqual([]);
    expect(audit.refs).toBeGreaterThan(100);
  });
});
