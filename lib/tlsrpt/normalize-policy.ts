// One `policies[]` entry → NormalizedPolicy (RPT-JSON-*, RPT-QUIRK-1/4/5/9).
// Properties are read with constant names (see fields.ts): this runs for every policy.
import {
  clip,
  FieldError,
  isObject,
  normalizeHost,
  normalizeIp,
  optString,
  readCount,
  type JsonObject,
  type ReadContext,
} from "./fields";
import { walkStructure } from "./json-text";
import { bucketFor, KNOWN_POLICY_TYPES } from "./result-types";
import type { FailureDetail, NormalizedPolicy } from "./types";
import { wt } from "./warnings";

/** RPT-JSON-4: the RFC's schema label, or a known misspelling, used in place of the key. */
function viaAlias(obj: JsonObject, key: string, alias: string, base: string, ctx: ReadContext) {
  const v = obj[alias];
  if (v === undefined) return undefined;
  ctx.warn.add(
    "RPT-JSON-4",
    wt(`${base}.${alias}: non-standard key used for "${key}"; read as "${key}"`, "aliasKey", {
      path: `${base}.${alias}`,
      key,
    }),
    "warning",
    `alias:${alias}`,
  );
  return v;
}

/** A string-array field that real reporters also send as a bare string (RPT-QUIRK-1). */
function stringList(v: unknown, base: string, key: string, ctx: ReadContext): string[] {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== "string") {
        const path = `${base}.${key}[${i}]`;
        throw new FieldError(path, "expectedString", ctx.got(path, v[i]));
      }
    }
    return v as string[];
  }
  if (v === undefined || v === null) return [];
  const path = `${base}.${key}`;
  if (typeof v !== "string") {
    throw new FieldError(path, "expectedStringArray", ctx.got(path, v));
  }
  const id = key === "policy-string" ? "RPT-JSON-5" : "RPT-QUIRK-1";
  ctx.warn.add(
    id,
    wt(`${path}: a single string instead of an array; read as a one-item list`, "singleString", {
      path,
    }),
  );
  return v === "" ? [] : [v];
}

/** RPT-QUIRK-5: Microsoft wraps all TLSA records into one JSON-encoded string. */
function unwrapJsonArray(lines: string[], pp: string, ctx: ReadContext): string[] {
  const only = lines.length === 1 ? lines[0] : undefined;
  if (only === undefined || !only.trimStart().startsWith("[")) return lines;
  // Issue 11: only a flat array can be unwrapped, and JSON.parse spends ~1 µs per nesting
  // level: a nested string is kept as sent without parsing it.
  if (walkStructure(only, 1) < 0) return lines;
  try {
    const inner: unknown = JSON.parse(only);
    if (Array.isArray(inner) && inner.every((x) => typeof x === "string")) {
      ctx.warn.add(
        "RPT-QUIRK-5",
        wt(
          `${pp}.policy-string: one string holding a JSON array of ${inner.length} records; unwrapped`,
          "jsonArrayString",
          { path: pp, count: String(inner.length) },
        ),
      );
      return inner as string[];
    }
  } catch {
    // Not JSON after all: keep the line as sent.
  }
  return lines;
}

function mxHosts(policy: JsonObject, pp: string, ctx: ReadContext): string[] {
  let v = policy["mx-host"];
  let key = "mx-host";
  if (v === undefined) {
    v = viaAlias(policy, key, "mx-host-pattern", pp, ctx);
    if (v !== undefined) key = "mx-host-pattern";
  }
  const raw = stringList(v, pp, key, ctx);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let s = raw[i] as string;
    // Seen in the wild: the policy line itself ("mx: host") instead of the pattern.
    if ((s.charCodeAt(0) | 0x20) === 0x6d && /^mx\s*:/i.test(s)) {
      ctx.warn.add(
        "RPT-JSON-9",
        wt(
          `${pp}.${key}[${i}]: "${clip(s)}" is a policy line, not a pattern; read as the pattern`,
          "policyLine",
          { path: `${pp}.${key}[${i}]`, value: clip(s) },
        ),
      );
      s = s.slice(s.indexOf(":") + 1);
    }
    const host = normalizeHost(s, pp, `${key}[${i}]`, ctx);
    if (host !== null) out.push(host);
  }
  return out;
}

function optIp(v: unknown, path: string, key: string, ctx: ReadContext): string | null {
  const s = optString(v, path, key, ctx);
  return s === null || s === "" ? null : normalizeIp(s, path, key, ctx);
}

function optHost(v: unknown, path: string, key: string, ctx: ReadContext): string | null {
  const s = optString(v, path, key, ctx);
  return s === null ? null : normalizeHost(s, path, key, ctx);
}

function failureDetail(d: unknown, path: string, ctx: ReadContext): FailureDetail {
  if (!isObject(d)) throw new FieldError(path, "expectedObject", ctx.got(path, d));
  const resultType = optString(d["result-type"], path, "result-type", ctx);
  if (resultType === null || resultType === "") {
    throw new FieldError(`${path}.result-type`, "resultTypeMissing");
  }
  const bucket = bucketFor(resultType);
  if (bucket === "other") {
    ctx.warn.add(
      "RPT-JSON-10",
      wt(
        `${path}.result-type: unknown result type "${clip(resultType)}"; kept, shown as "other"`,
        "unknownResultType",
        { path, value: clip(resultType) },
      ),
      "info",
      `rt:${resultType}`,
    );
  }
  const count = readCount(d["failed-session-count"], path, "failed-session-count", ctx);
  if (count === undefined) {
    throw new FieldError(`${path}.failed-session-count`, "countMissing");
  }
  const ip = d["sending-mta-ip"] ?? viaAlias(d, "sending-mta-ip", "ip-address", path, ctx);
  const mx =
    d["receiving-mx-hostname"] ??
    viaAlias(d, "receiving-mx-hostname", "receiving-mx-host-name", path, ctx);
  const info =
    d["additional-information"] ??
    viaAlias(d, "additional-information", "additional-info-uri", path, ctx);
  if (ip === undefined || mx === undefined) {
    ctx.warn.add(
      "RPT-QUIRK-4",
      wt(
        `${path}: no sending-mta-ip or receiving-mx-hostname (reporters omit them for policy fetch errors)`,
        "noIpOrMx",
        { path },
      ),
      "info",
      "quirk4-detail",
    );
  }
  return {
    resultType,
    bucket,
    sendingMtaIp: optIp(ip, path, "sending-mta-ip", ctx),
    receivingMxHostname: optHost(mx, path, "receiving-mx-hostname", ctx),
    receivingMxHelo: optHost(d["receiving-mx-helo"], path, "receiving-mx-helo", ctx),
    receivingIp: optIp(d["receiving-ip"], path, "receiving-ip", ctx),
    failedSessionCount: count,
    additionalInformation: optString(info, path, "additional-information", ctx),
    failureReasonCode: optString(d["failure-reason-code"], path, "failure-reason-code", ctx),
  };
}

/** RPT-JSON-6: a missing summary count is read as 0, with a warning. */
function summaryCount(v: unknown, sp: string, key: string, ctx: ReadContext): number {
  const n = readCount(v, sp, key, ctx);
  if (n !== undefined) return n;
  ctx.warn.add(
    "RPT-JSON-6",
    wt(`${sp}.${key}: missing; counted as 0`, "countMissing", { path: `${sp}.${key}` }),
    "warning",
    `missing:${key}`,
  );
  return 0;
}

const NO_SUMMARY: JsonObject = {};

/** Issue 11: a report keeps at most ctx.limits.failureDetails rows over all its policies;
 * rows past that are counted (normalize-report.ts warns) but neither read nor kept. */
function failureDetails(fd: unknown, path: string, ctx: ReadContext): FailureDetail[] {
  if (fd === undefined || fd === null) return [];
  if (!Array.isArray(fd)) {
    const p = `${path}.failure-details`;
    throw new FieldError(p, "expectedArray", ctx.got(p, fd));
  }
  const keep = Math.min(fd.length, ctx.detailRowsLeft);
  ctx.detailRowsLeft -= keep;
  ctx.detailRowsDropped += fd.length - keep;
  const out: FailureDetail[] = [];
  for (let i = 0; i < keep; i++) {
    out.push(failureDetail(fd[i], `${path}.failure-details[${i}]`, ctx));
  }
  return out;
}

/** `withDetails` false: a policy past the per-report budget, read for its summary only. */
export function normalizePolicy(
  entry: unknown,
  path: string,
  ctx: ReadContext,
  withDetails = true,
): NormalizedPolicy {
  if (!isObject(entry)) {
    throw new FieldError(path, "expectedObject", ctx.got(path, entry));
  }
  const pp = `${path}.policy`;
  const policy = entry["policy"];
  if (!isObject(policy)) {
    throw new FieldError(pp, "expectedObject", ctx.got(pp, policy));
  }
  const policyType = optString(policy["policy-type"], pp, "policy-type", ctx);
  if (policyType === null || policyType === "") {
    throw new FieldError(`${pp}.policy-type`, "policyTypeMissing");
  }
  if (!KNOWN_POLICY_TYPES.includes(policyType)) {
    ctx.warn.add(
      "RPT-JSON-10",
      wt(
        `${pp}.policy-type: unknown policy type "${clip(policyType)}"; kept, shown as "other"`,
        "unknownPolicyType",
        { path: pp, value: clip(policyType) },
      ),
      "info",
      `pt:${policyType}`,
    );
  }
  const domainRaw = optString(
    policy["policy-domain"] ?? viaAlias(policy, "policy-domain", "domain", pp, ctx),
    pp,
    "policy-domain",
    ctx,
  );
  const listed = stringList(policy["policy-string"], pp, "policy-string", ctx);
  const lines = unwrapJsonArray(listed, pp, ctx);
  if (policyType === "sts" && lines.length === 0) {
    ctx.warn.add(
      "RPT-QUIRK-4",
      wt(`${pp}: sts policy without policy-string`, "noPolicyString", { path: pp }),
      "info",
      "quirk4-policy",
    );
  }
  const sp = `${path}.summary`;
  const summary = entry["summary"] ?? NO_SUMMARY;
  if (!isObject(summary)) {
    throw new FieldError(sp, "expectedObject", ctx.got(sp, summary));
  }
  return {
    policyType,
    policyDomain: domainRaw === null ? null : normalizeHost(domainRaw, pp, "policy-domain", ctx),
    policyStrings: lines,
    mxHosts: mxHosts(policy, pp, ctx),
    totalSuccessfulSessionCount: summaryCount(
      summary["total-successful-session-count"],
      sp,
      "total-successful-session-count",
      ctx,
    ),
    totalFailureSessionCount: summaryCount(
      summary["total-failure-session-count"],
      sp,
      "total-failure-session-count",
      ctx,
    ),
    failureDetails: withDetails ? failureDetails(entry["failure-details"], path, ctx) : [],
  };
}
