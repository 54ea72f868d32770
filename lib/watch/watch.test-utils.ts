// Builders for the detectors' inputs (issue 14): facts as a check run stores them.
import { expect } from "vitest";
import type { CheckFacts, CheckResult } from "../checker/types";
import { translateRefs } from "../db/alerts/alert-wording";
import type { StsMode } from "../mta-sts/policy-types";
import type { Detection, WatchInput, WatchPolicyVersion, WatchRun } from "./types";

export const D = "example.com";
export const NOW = new Date("2026-11-30T12:00:00Z");

export const body = (mode: StsMode, mx: string[], maxAge = 604800): string =>
  ["version: STSv1", `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`, ""].join(
    "\r\n",
  );

export function facts(over: Partial<CheckFacts> = {}): CheckFacts {
  return {
    txt: { status: "present", id: "v1" },
    mx: { status: "ok", hosts: ["mx1.example.com"] },
    policy: { status: "served", body: body("enforce", ["mx1.example.com"]) },
    certs: [],
    ...over,
  };
}

export const run = (at: string, f: CheckFacts, results: CheckResult[] = []): WatchRun => ({
  at: new Date(at),
  facts: f,
  results,
});

export function version(
  seq: number,
  policyId: string,
  mode: StsMode,
  mx: string[],
  createdAt: string,
  maxAge = 604800,
): WatchPolicyVersion {
  return {
    seq,
    policyId,
    mode,
    maxAge,
    mx,
    body: body(mode, mx, maxAge),
    createdAt: new Date(createdAt),
  };
}

export function input(over: Partial<WatchInput> = {}): WatchInput {
  return {
    domain: D,
    now: NOW,
    runs: [],
    versions: [],
    rollups: [],
    lastReportDay: null,
    thresholds: { certDays: 14, silenceDays: 3, failurePercent: 5, failureWindowDays: 3 },
    ...over,
  };
}

/**
 * Issue 16 §6: each finding's MessageRefs, formatted in English from its namespace's messages,
 * give exactly its English title, detail and fix (so German messages say the same thing);
 * returns the detection without the refs, for the exact comparisons of the English.
 */
export function checkedRefs(d: Detection): Detection {
  return {
    ...d,
    findings: d.findings.map(({ i18n, ...f }) => {
      if (i18n) {
        const english = translateRefs("en", i18n);
        expect(english).toEqual({ title: f.title, detail: f.detail, fix: f.fix });
      }
      return f;
    }),
  };
}
