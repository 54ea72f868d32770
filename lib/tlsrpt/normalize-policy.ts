// One `policies[]` entry → NormalizedPolicy (RPT-JSON-*, RPT-QUIRK-1/4/5/9).
import {
  FieldError,
  isObject,
  normalizeHost,
  normalizeIp,
  optString,
  readCount,
  type JsonObject,
  type ReadContext,
} from "./fields";
import { bucketFor, KNOWN_POLICY_TYPES } from "./result-types";
import { readStsLines } from "./sts-lines";
import type { FailureDetail, NormalizedPolicy } from "./types";

/** Reads `key`, else the RFC's schema label or a known misspelling (RPT-JSON-4). */
function aliased(obj: JsonObject, key: string, alias: string, path: string, ctx: ReadContext) {
  if (obj[key] !== undefined || obj[alias] === undefined) return key;
  ctx.warn.add(
    "RPT-JSON-4",
    `${path}.${alias}: non-standard key used for "${key}"; read as "${key}"`,
    "warning",
    `alias:${alias}`,
  );
  return alias;
}

/** A string-array field that real reporters also send as a bare string (RPT-QUIRK-1). */
function stringList(obj: JsonObject, key: string, path: string, ctx: ReadContext): string[] {
  const v = obj[key];
  if (v === undefined || v === null) return [];
  if (typeof v === "string") {
    const id = key === "policy-string" ? "RPT-JSON-5" : "RPT-QUIRK-1";
    ctx.warn.add(id, `${path}: a single string instead of an array; read as a one-item list`);
    return v === "" ? [] : [v];
  }
  if (!Array.isArray(v))
    throw new FieldError(path, `expected an array of strings, got ${ctx.describe(path, v)}`);
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== "string") {
      throw new FieldError(
        `${path}[${i}]`,
        `expected a string, got ${ctx.describe(`${path}[${i}]`, v[i])}`,
      );
    }
  }
  return v as string[];
}

/** RPT-QUIRK-5: Microsoft wraps all TLSA records into one JSON-encoded string. */
function unwrapJsonArray(lines: string[], path: string, ctx: ReadContext): string[] {
  const only = lines.length === 1 ? lines[0] : undefined;
  if (only === undefined || !only.trimStart().startsWith("[")) return lines;
  try {
    const inner: unknown = JSON.parse(only);
    if (Array.isArray(inner) && inner.every((x) => typeof x === "string")) {
      ctx.warn.add(
        "RPT-QUIRK-5",
        `${path}: one string holding a JSON array of ${inner.length} records; unwrapped`,
      );
      return inner as string[];
    }
  } catch {
    // Not JSON after all: keep the line as sent.
  }
  return lines;
}

function mxHosts(policy: JsonObject, path: string, ctx: ReadContext): string[] {
  const key = aliased(policy, "mx-host", "mx-host-pattern", path, ctx);
  const raw = stringList(policy, key, `${path}.${key}`, ctx);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let s = raw[i] as string;
    // Seen in the wild: the policy line itself ("mx: host") instead of the pattern.
    if (/^\s*mx\s*:/i.test(s)) {
      ctx.warn.add(
        "RPT-JSON-9",
        `${path}.${key}[${i}]: "${s}" is a policy line, not a pattern; read as the pattern`,
      );
      s = s.slice(s.indexOf(":") + 1);
    }
    const host = normalizeHost(s, `${path}.${key}[${i}]`, ctx);
    if (host !== null) out.push(host);
  }
  return out;
}

function failureDetail(d: unknown, path: string, ctx: ReadContext): FailureDetail {
  if (!isObject(d)) throw new FieldError(path, `expected an object, got ${ctx.describe(path, d)}`);
  const resultType = optString(d, "result-type", `${path}.result-type`, ctx);
  if (resultType === null || resultType === "") {
    throw new FieldError(`${path}.result-type`, "missing; every failure row needs a result type");
  }
  const bucket = bucketFor(resultType);
  if (bucket === "other") {
    ctx.warn.add(
      "RPT-JSON-10",
      `${path}.result-type: unknown result type "${resultType}"; kept, shown as "other"`,
      "info",
      `rt:${resultType}`,
    );
  }
  const count = readCount(d, "failed-session-count", `${path}.failed-session-count`, ctx);
  if (count === undefined)
    throw new FieldError(
      `${path}.failed-session-count`,
      "missing; expected a non-negative safe integer",
    );
  const ipKey = aliased(d, "sending-mta-ip", "ip-address", path, ctx);
  const mxKey = aliased(d, "receiving-mx-hostname", "receiving-mx-host-name", path, ctx);
  const infoKey = aliased(d, "additional-information", "additional-info-uri", path, ctx);
  if (d[ipKey] === undefined || d[mxKey] === undefined) {
    ctx.warn.add(
      "RPT-QUIRK-4",
      `${path}: no sending-mta-ip or receiving-mx-hostname (reporters omit them for policy fetch errors)`,
      "info",
      "quirk4-detail",
    );
  }
  const ip = (key: string) => {
    const s = optString(d, key, `${path}.${key}`, ctx);
    return s === null || s === "" ? null : normalizeIp(s, `${path}.${key}`, ctx);
  };
  const host = (key: string) => {
    const s = optString(d, key, `${path}.${key}`, ctx);
    return s === null ? null : normalizeHost(s, `${path}.${key}`, ctx);
  };
  return {
    resultType,
    bucket,
    sendingMtaIp: ip(ipKey),
    receivingMxHostname: host(mxKey),
    receivingMxHelo: host("receiving-mx-helo"),
    receivingIp: ip("receiving-ip"),
    failedSessionCount: count,
    additionalInformation: optString(d, infoKey, `${path}.${infoKey}`, ctx),
    failureReasonCode: optString(d, "failure-reason-code", `${path}.failure-reason-code`, ctx),
  };
}

export function normalizePolicy(entry: unknown, path: string, ctx: ReadContext): NormalizedPolicy {
  if (!isObject(entry))
    throw new FieldError(path, `expected an object, got ${ctx.describe(path, entry)}`);
  const policy = entry["policy"];
  if (!isObject(policy))
    throw new FieldError(
      `${path}.policy`,
      `expected an object, got ${ctx.describe(`${path}.policy`, policy)}`,
    );
  const pp = `${path}.policy`;
  const policyType = optString(policy, "policy-type", `${pp}.policy-type`, ctx);
  if (policyType === null || policyType === "")
    throw new FieldError(`${pp}.policy-type`, "missing; expected sts, tlsa or no-policy-found");
  if (!KNOWN_POLICY_TYPES.includes(policyType)) {
    ctx.warn.add(
      "RPT-JSON-10",
      `${pp}.policy-type: unknown policy type "${policyType}"; kept, shown as "other"`,
      "info",
      `pt:${policyType}`,
    );
  }
  const domainKey = aliased(policy, "policy-domain", "domain", pp, ctx);
  const domainRaw = optString(policy, domainKey, `${pp}.${domainKey}`, ctx);
  const lines = unwrapJsonArray(
    stringList(policy, "policy-string", `${pp}.policy-string`, ctx),
    `${pp}.policy-string`,
    ctx,
  );
  if (policyType === "sts" && lines.length === 0) {
    ctx.warn.add("RPT-QUIRK-4", `${pp}: sts policy without policy-string`, "info", "quirk4-policy");
  }
  const sp = `${path}.summary`;
  let summary = entry["summary"];
  if (summary === undefined || summary === null) {
    summary = {};
  } else if (!isObject(summary)) {
    throw new FieldError(sp, `expected an object, got ${ctx.describe(sp, summary)}`);
  }
  const counts = summary as JsonObject;
  const total = (key: string): number => {
    const n = readCount(counts, key, `${sp}.${key}`, ctx);
    if (n !== undefined) return n;
    ctx.warn.add("RPT-JSON-6", `${sp}.${key}: missing; counted as 0`, "warning", `missing:${key}`);
    return 0;
  };
  const totalSuccessfulSessionCount = total("total-successful-session-count");
  const totalFailureSessionCount = total("total-failure-session-count");
  const fd = entry["failure-details"];
  let failureDetails: FailureDetail[] = [];
  if (Array.isArray(fd)) {
    failureDetails = fd.map((d, i) => failureDetail(d, `${path}.failure-details[${i}]`, ctx));
  } else if (fd !== undefined && fd !== null) {
    throw new FieldError(
      `${path}.failure-details`,
      `expected an array, got ${ctx.describe(`${path}.failure-details`, fd)}`,
    );
  }
  return {
    policyType,
    policyDomain: domainRaw === null ? null : normalizeHost(domainRaw, `${pp}.${domainKey}`, ctx),
    policyStrings: lines,
    stsPolicy: policyType === "sts" ? readStsLines(lines) : null,
    mxHosts: mxHosts(policy, pp, ctx),
    totalSuccessfulSessionCount,
    totalFailureSessionCount,
    failureDetails,
  };
}
