// Field readers shared by the report and policy normalizers. A field we must refuse throws
// FieldError, which read-report.ts turns into a ReportError value at the boundary.
import { domainToASCII } from "node:url";
import ipaddr from "ipaddr.js";
import { INPUT_LIMITS, type InputLimits } from "./budget";
import type { IcuParams } from "../i18n/format-icu";
import type { MessageRef } from "../i18n/message-ref";
import { numberLiteralAt } from "./json-scan";
import { fieldText, type FieldProblemKey } from "./refusal-text";
import type { WarningSink } from "./warnings";
import { wt } from "./warnings";

export class FieldError extends Error {
  /** The message as `refusals.field.<key>` of the `tlsrptReader` namespace (issue 16 §6). */
  readonly ref: MessageRef;
  constructor(
    readonly field: string,
    key: FieldProblemKey,
    params?: IcuParams,
  ) {
    const { text, ref } = fieldText(field, key, params);
    super(text);
    this.ref = ref;
  }
}

export type JsonObject = Record<string, unknown>;

/** Per-report state: warnings, the JSON text for quoting numbers exactly, and the
 * per-report row budget (issue 11: MAX_POLICIES, MAX_FAILURE_DETAILS). */
export class ReadContext {
  /** The JSON text has no backslash, so no string in it needs escaping (content-hash.ts). */
  readonly plain: boolean;
  /** Failure-detail rows this report may still keep. */
  detailRowsLeft: number;
  /** Failure-detail rows seen past the budget and dropped. */
  detailRowsDropped = 0;
  constructor(
    readonly warn: WarningSink,
    private readonly text: string,
    readonly limits: Pick<InputLimits, "policies" | "failureDetails"> = INPUT_LIMITS,
  ) {
    this.plain = !text.includes("\\");
    this.detailRowsLeft = limits.failureDetails;
  }

  /** The `got` and `given` parameters of a refusals.field message: the value as written,
   * or "nothing" (given: none) for an absent one. */
  got(path: string, v: unknown): { got: string; given: "none" | "value" } {
    return v === undefined
      ? { got: "", given: "none" }
      : { got: this.describe(path, v), given: "value" };
  }

  /** How the value was written in the JSON: JSON.parse turns 2^53+1 into 2^53. */
  describe(path: string, v: unknown): string {
    if (typeof v === "number") {
      // Only for an error message: one linear scan of the text (json-scan.ts).
      return numberLiteralAt(this.text, path) ?? String(v);
    }
    // A long string is cut before quoting: only 60 characters are shown anyway.
    const shown = typeof v === "string" && v.length > 60 ? v.slice(0, 60) : v;
    const s = shown === undefined ? "nothing" : JSON.stringify(shown);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  }
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A report value quoted in a warning, cut to 80 characters (issue 11: a hostile report
 * must not turn one field into megabytes of stored warnings). */
export const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

/** `base.key`; paths are built only for messages, never on the happy path. */
export const at = (base: string, key: string) => (base === "" ? key : `${base}.${key}`);

// Readers take the value, not (object, key): callers read properties with constant names,
// which V8 caches per call site; a generic obj[key] lookup is megamorphic and slow.

/** A string field; `null`/absent → null; any other type is refused. */
export function optString(v: unknown, base: string, key: string, ctx: ReadContext) {
  if (typeof v === "string") return v;
  if (v === undefined || v === null) return null;
  const path = at(base, key);
  throw new FieldError(path, "expectedString", ctx.got(path, v));
}

/**
 * RPT-ING-3 / RPT-JSON-6: a count is a non-negative safe integer. A digit-only string is
 * accepted with a warning; anything else is refused (TV-JSON-13). Absent → undefined.
 */
export function readCount(v: unknown, base: string, key: string, ctx: ReadContext) {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  if (v === undefined) return undefined;
  const path = at(base, key);
  if (typeof v === "string" && /^\d{1,16}$/.test(v) && Number.isSafeInteger(Number(v))) {
    ctx.warn.add(
      "RPT-ING-3",
      wt(`${path}: count written as a string ("${v}"); read as a number`, "countAsString", {
        path,
        value: v,
      }),
    );
    return Number(v);
  }
  throw new FieldError(path, "expectedCount", ctx.got(path, v));
}

/** Longer date-times are refused unread (issue 11); real ones have at most ~35 characters. */
const MAX_DATETIME = 64;

/** Two ASCII digits at i as a number, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * RFC 3339 date-time → epoch ms, or NaN. Hand-written (no regex, no allocation): it runs twice
 * per report. The offset is optional because of RPT-QUIRK-2; `zoneless` reports that case.
 */
export function parseDatetime(s: string, out: { zoneless: boolean }): number {
  if (
    s.length < 19 ||
    s.length > MAX_DATETIME ||
    s.charCodeAt(4) !== 0x2d ||
    s.charCodeAt(7) !== 0x2d
  )
    return NaN;
  const sep = s.charCodeAt(10);
  if (
    (sep !== 0x54 && sep !== 0x74 && sep !== 0x20) ||
    s.charCodeAt(13) !== 0x3a ||
    s.charCodeAt(16) !== 0x3a
  )
    return NaN;
  const yh = digits2(s, 0);
  const yl = digits2(s, 2);
  const mo = digits2(s, 5);
  const d = digits2(s, 8);
  const h = digits2(s, 11);
  const mi = digits2(s, 14);
  const sec = digits2(s, 17);
  if (
    yh < 0 ||
    yl < 0 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    sec < 0 ||
    sec > 60
  )
    return NaN;
  const y = yh * 100 + yl;
  // Date.UTC maps years below 100 to 19xx; no TLS report predates 1970 anyway.
  if (y < 1970) return NaN;
  // A leap second (60) is folded onto :59 so Date does not roll the minute over.
  let t = Date.UTC(y, mo - 1, d, h, mi, sec === 60 ? 59 : sec);
  if (d > 28 && new Date(t).getUTCDate() !== d) return NaN;
  let i = 19;
  if (s.charCodeAt(i) === 0x2e) {
    let scale = 100;
    let frac = 0;
    for (i++; i < s.length; i++, scale /= 10) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      frac += c * scale;
    }
    if (scale === 100) return NaN;
    t += Math.floor(frac);
  }
  const z = s.charCodeAt(i);
  out.zoneless = i === s.length;
  if (out.zoneless) return t;
  if ((z === 0x5a || z === 0x7a) && i + 1 === s.length) return t;
  if ((z !== 0x2b && z !== 0x2d) || i + 6 !== s.length || s.charCodeAt(i + 3) !== 0x3a) return NaN;
  const oh = digits2(s, i + 1);
  const om = digits2(s, i + 4);
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
  return t - (z === 0x2b ? 1 : -1) * (oh * 60 + om) * 60_000;
}

const zone = { zoneless: false };

export function readDatetime(v: unknown, path: string, ctx: ReadContext): Date {
  const t = typeof v === "string" ? parseDatetime(v, zone) : NaN;
  if (Number.isNaN(t)) {
    throw new FieldError(path, "expectedDatetime", ctx.got(path, v));
  }
  if (zone.zoneless) {
    ctx.warn.add(
      "RPT-QUIRK-2",
      wt(`date-range: "${String(v)}" has no UTC offset; read as UTC`, "zoneless", {
        value: String(v),
      }),
    );
  }
  return new Date(t);
}

const NON_ASCII = /[^\x00-\x7f]/;
/** RFC 1035: a domain name has at most 253 characters in text form. */
const MAX_HOST = 253;
/** No IP address is this long in text form, even IPv6 with a zone (issue 11: ipaddr.js's
 * parser costs ~0.5 µs per character, so long strings are refused unparsed). */
const MAX_IP_TEXT = 100;

/**
 * Domains and host names: lowercase, one trailing dot removed, U-labels turned into
 * A-labels (RPT-JSON-9, STS-MX-2). Empty → null.
 */
export function normalizeHost(raw: string, base: string, key: string, ctx: ReadContext) {
  let s = raw.trim().toLowerCase();
  if (s.endsWith(".")) s = s.slice(0, -1);
  if (s === "") return null;
  if (NON_ASCII.test(s)) {
    const path = at(base, key);
    // Issue 11: IDNA costs ~0.5 µs per character; a name past 253 is no domain anyway.
    const a = s.length > MAX_HOST ? "" : domainToASCII(s);
    if (a === "") {
      ctx.warn.add(
        "RPT-JSON-9",
        wt(`${path}: "${clip(raw)}" is not a valid domain name; kept as sent`, "badDomain", {
          path,
          value: clip(raw),
        }),
      );
      return s;
    }
    ctx.warn.add(
      "RPT-JSON-9",
      wt(`${path}: "${clip(raw)}" is a U-label; stored as the A-label "${clip(a)}"`, "uLabel", {
        path,
        value: clip(raw),
        alabel: clip(a),
      }),
    );
    return a;
  }
  return s;
}

function canonicalIp(raw: string): string | null {
  if (raw.includes(":")) {
    if (!ipaddr.IPv6.isValid(raw)) return null;
    const a = ipaddr.IPv6.parse(raw);
    return a.isIPv4MappedAddress() ? `::ffff:${a.toIPv4Address().toString()}` : a.toRFC5952String();
  }
  return ipaddr.IPv4.isValidFourPartDecimal(raw) ? raw : null;
}

/** RPT-JSON-8: parse with a real parser and store the canonical form (RFC 5952 for IPv6). */
export function normalizeIp(raw: string, base: string, key: string, ctx: ReadContext) {
  let canonical: string | null = null;
  if (raw.length <= MAX_IP_TEXT) canonical = canonicalIp(raw);
  if (canonical === raw) return canonical;
  const path = at(base, key);
  if (canonical === null) {
    ctx.warn.add(
      "RPT-JSON-8",
      wt(`${path}: "${clip(raw)}" is not an IP address; dropped`, "notIp", {
        path,
        value: clip(raw),
      }),
      "warning",
      "ip-bad",
    );
  } else {
    ctx.warn.add(
      "RPT-JSON-8",
      wt(`${path}: "${raw}" is not in canonical form; stored as "${canonical}"`, "ipNotCanonical", {
        path,
        value: raw,
        canonical,
      }),
      "warning",
      "ip-canonical",
    );
  }
  return canonical;
}
