// Values of the known policy keys: STS-POL-4, -5, -6, -8, -9 and STS-OPS-10.

import type { Diagnostic } from "../core/diagnostic";
import type { MessageRef } from "../i18n/message-ref";
import type { PolicyLine } from "./policy-lines";
import { MAX_AGE_LIMIT, STS_MODES, type StsMode } from "./policy-types";
import { mxPatternProblemRef, normalizeHost, wildcardCoversPublicSuffix } from "./mx-pattern";

/** STS-OPS-10: below one day a policy protects little and churns. */
const ONE_DAY = 86400;

export interface PolicyValues {
  version: string | null;
  mode: StsMode | null;
  maxAge: number | null;
  valid: boolean;
  diagnostics: Diagnostic[];
}

type KeyLines = ReadonlyMap<"version" | "mode" | "max_age", PolicyLine>;

export function checkPolicyValues(
  first: KeyLines,
  mxLines: readonly PolicyLine[],
  policyDomain?: string,
): PolicyValues {
  const diagnostics: Diagnostic[] = [];
  let valid = true;
  const fail = (id: string, message: string, ref: MessageRef, line?: number): void => {
    diagnostics.push(
      line === undefined
        ? { id, severity: "error", message, ref }
        : { id, severity: "error", message, ref, line },
    );
    valid = false;
  };

  const versionLine = first.get("version");
  let version: string | null = null;
  if (!versionLine) {
    fail("STS-POL-5", `The policy has no "version" line: add "version: STSv1".`, {
      key: "STS-POL-5.noVersion",
    });
  } else if (versionLine.value !== "STSv1") {
    fail(
      "STS-POL-4",
      `The version must be exactly "STSv1", not "${versionLine.value}".`,
      { key: "STS-POL-4.badVersion", params: { value: versionLine.value } },
      versionLine.line,
    );
  } else {
    version = versionLine.value;
    if (versionLine.line !== 1) {
      diagnostics.push({
        id: "STS-POL-6",
        severity: "info",
        line: versionLine.line,
        message: `"version" is not on the first line: valid, but Google's guidance puts it first.`,
        ref: { key: "STS-POL-6.versionNotFirst" },
      });
    }
  }

  const modeLine = first.get("mode");
  let mode: StsMode | null = null;
  if (!modeLine) {
    fail("STS-POL-5", `The policy has no "mode" line: add "mode: testing" (or enforce, or none).`, {
      key: "STS-POL-5.noMode",
    });
  } else {
    mode = STS_MODES.find((m) => m === modeLine.value) ?? null;
    if (mode === null) {
      const hint = STS_MODES.find((m) => m === modeLine.value.toLowerCase());
      const suffix = hint ? ` Modes are case-sensitive: write "${hint}".` : "";
      fail(
        "STS-POL-4",
        `The mode must be enforce, testing or none, not "${modeLine.value}".${suffix}`,
        hint
          ? { key: "STS-POL-4.badModeCase", params: { value: modeLine.value, hint } }
          : { key: "STS-POL-4.badMode", params: { value: modeLine.value } },
        modeLine.line,
      );
    }
  }

  const ageLine = first.get("max_age");
  let maxAge: number | null = null;
  if (!ageLine) {
    fail("STS-POL-5", `The policy has no "max_age" line: add "max_age: 86400" (seconds).`, {
      key: "STS-POL-5.noMaxAge",
    });
  } else if (!/^[0-9]{1,10}$/.test(ageLine.value)) {
    fail(
      "STS-POL-8",
      `max_age must be a whole number of seconds (1 to 10 digits, no sign or unit), not "${ageLine.value}".`,
      { key: "STS-POL-8.notNumber", params: { value: ageLine.value } },
      ageLine.line,
    );
  } else {
    const seconds = Number(ageLine.value);
    if (seconds > MAX_AGE_LIMIT) {
      fail(
        "STS-POL-8",
        `max_age ${seconds} is above the maximum of ${MAX_AGE_LIMIT} (one year): senders disagree, some reject the policy. Use ${MAX_AGE_LIMIT} or less.`,
        {
          key: "STS-POL-8.tooLarge",
          params: { seconds: String(seconds), limit: String(MAX_AGE_LIMIT) },
        },
        ageLine.line,
      );
    } else {
      maxAge = seconds;
      diagnostics.push(...maxAgeAdvice(ageLine, seconds, mode));
    }
  }

  for (const { value, line } of mxLines) {
    const problem = mxPatternProblemRef(value);
    if (problem) fail("STS-POL-9", problem.message, problem.ref, line);
    else diagnostics.push(...wildcardAdvice(value, line, policyDomain));
  }
  if (mxLines.length === 0 && (mode === "enforce" || mode === "testing")) {
    fail(
      "STS-POL-5",
      `A policy in ${mode} mode needs at least one "mx:" line naming your MX hosts.`,
      { key: "STS-POL-5.noMx", params: { mode } },
    );
  }
  return { version, mode, maxAge, valid, diagnostics };
}

function maxAgeAdvice(line: PolicyLine, seconds: number, mode: StsMode | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (line.value.length > 1 && line.value.startsWith("0")) {
    out.push({
      id: "STS-POL-8",
      severity: "warning",
      line: line.line,
      message: `Remove the leading zeros from max_age ("${line.value}" → "${seconds}"): some parsers reject them.`,
      ref: {
        key: "STS-POL-8.leadingZeros",
        params: { value: line.value, seconds: String(seconds) },
      },
    });
  }
  if ((mode === "enforce" || mode === "testing") && seconds < ONE_DAY) {
    out.push({
      id: "STS-POL-8",
      severity: "warning",
      line: line.line,
      message: `max_age ${seconds} is under one day: senders barely cache the policy, so it gives weak protection. Use at least 86400.`,
      ref: { key: "STS-POL-8.underOneDay", params: { seconds: String(seconds) } },
    });
  }
  if (mode === "none" && seconds > ONE_DAY) {
    out.push({
      id: "STS-OPS-10",
      severity: "warning",
      line: line.line,
      message: `max_age ${seconds} in none mode makes the removal take longer than needed: use 86400.`,
      ref: { key: "STS-OPS-10.noneTooLong", params: { seconds: String(seconds) } },
    });
  }
  return out;
}

function wildcardAdvice(pattern: string, line: number, policyDomain?: string): Diagnostic[] {
  if (wildcardCoversPublicSuffix(pattern)) {
    return [
      {
        id: "STS-POL-9",
        severity: "warning",
        line,
        message: `"${pattern}" covers a whole public suffix: any host under it with a valid certificate would be accepted as your MX.`,
        ref: { key: "STS-POL-9.publicSuffix", params: { pattern } },
      },
    ];
  }
  const domain = policyDomain === undefined ? null : normalizeHost(policyDomain);
  const suffix = pattern.startsWith("*.") ? normalizeHost(pattern.slice(2)) : null;
  if (domain && suffix && (suffix === domain || suffix.endsWith(`.${domain}`))) {
    return [
      {
        id: "STS-POL-9",
        severity: "info",
        line,
        message: `"${pattern}" lets any host in ${suffix} with a valid certificate act as your MX; list the MX hosts by name if you can.`,
        ref: { key: "STS-POL-9.ownZone", params: { pattern, suffix } },
      },
    ];
  }
  return [];
}
