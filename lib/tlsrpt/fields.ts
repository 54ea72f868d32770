// Field readers shared by the report and policy normalizers. A field we must refuse throws
// FieldError, which read-report.ts turns into a ReportError value at the boundary.
import { domainToASCII } from "node:url";
import ipaddr from "ipaddr.js";
import { scanJson } from "./json-text";
import type { WarningSink } from "./warnings";

export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

export type JsonObject = Record<string, unknown>;

/** Per-report state: warnings, plus the JSON text for quoting numbers exactly. */
export class ReadContext {
  private numbers: Map<string, string> | undefined;
  constructor(
    readonly warn: WarningSink,
    private readonly text: string,
  ) {}

  /** How the value was written in the JSON: JSON.parse turns 2^53+1 into 2^53. */
  describe(path: string, v: unknown): string {
    if (typeof v === "number") {
      this.numbers ??= scanJson(this.text).numbers;
      return this.numbers.get(path) ?? String(v);
    }
    const s = v === undefined ? "nothing" : JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  }
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A string field; `null`/absent → null; any other type is refused. */
export function optString(obj: JsonObject, key: string, path: string, ctx: ReadContext) {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  throw new FieldError(path, `expected a string, got ${ctx.describe(path, v)}`);
}

/**
 * RPT-ING-3 / RPT-JSON-6: a count is a non-negative safe integer. A digit-only string is
 * accepted with a warning; anything else is refused (TV-JSON-13). Absent → undefined.
 */
export function readCount(obj: JsonObject, key: string, path: string, ctx: ReadContext) {
  const v = obj[key];
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  if (v === undefined) return undefined;
  if (typeof v === "string" && /^\d{1,16}$/.test(v) && Number.isSafeInteger(Number(v))) {
    ctx.warn.add("RPT-ING-3", `${path}: count written as a string ("${v}"); read as a number`);
    return Number(v);
  }
  throw new FieldError(path, `expected a non-negative safe integer, got ${ctx.describe(path, v)}`);
}

// RFC 3339 date-time; the offset is optional here because of RPT-QUIRK-2.
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/;

export function readDatetime(v: unknown, path: string, ctx: ReadContext): Date {
  if (typeof v !== "string") {
    throw new FieldError(path, `expected an RFC 3339 date-time, got ${ctx.describe(path, v)}`);
  }
  const m = DATETIME.exec(v);
  const fail = () =>
    new FieldError(path, `expected an RFC 3339 date-time, got ${JSON.stringify(v)}`);
  if (!m) throw fail();
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  // A leap second (60) is folded onto :59 so Date does not roll the minute over.
  let t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 60) throw fail();
  const zone = m[8];
  if (zone === undefined) {
    ctx.warn.add("RPT-QUIRK-2", `date-range: "${v}" has no UTC offset; read as UTC`);
  } else if (zone.length === 6) {
    const sign = zone.charCodeAt(0) === 0x2b ? 1 : -1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) throw fail();
    t -= sign * (oh * 60 + om) * 60_000;
  }
  if (!Number.isFinite(t)) throw fail();
  return new Date(t);
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Domains and host names: lowercase, one trailing dot removed, U-labels turned into
 * A-labels (RPT-JSON-9, STS-MX-2). Empty → null.
 */
export function normalizeHost(raw: string, path: string, ctx: ReadContext): string | null {
  let s = raw.trim().toLowerCase();
  if (s.endsWith(".")) s = s.slice(0, -1);
  if (s === "") return null;
  if (NON_ASCII.test(s)) {
    const a = domainToASCII(s);
    if (a === "") {
      ctx.warn.add("RPT-JSON-9", `${path}: "${raw}" is not a valid domain name; kept as sent`);
      return s;
    }
    ctx.warn.add("RPT-JSON-9", `${path}: "${raw}" is a U-label; stored as the A-label "${a}"`);
    return a;
  }
  return s;
}

/** RPT-JSON-8: parse with a real parser and store the canonical form (RFC 5952 for IPv6). */
export function normalizeIp(raw: string, path: string, ctx: ReadContext): string | null {
  let canonical: string | null = null;
  if (raw.includes(":")) {
    if (ipaddr.IPv6.isValid(raw)) {
      const a = ipaddr.IPv6.parse(raw);
      canonical = a.isIPv4MappedAddress()
        ? `::ffff:${a.toIPv4Address().toString()}`
        : a.toRFC5952String();
    }
  } else if (ipaddr.IPv4.isValidFourPartDecimal(raw)) {
    canonical = raw;
  }
  if (canonical === null) {
    ctx.warn.add(
      "RPT-JSON-8",
      `${path}: "${raw}" is not an IP address; dropped`,
      "warning",
      "ip-bad",
    );
  } else if (canonical !== raw) {
    ctx.warn.add(
      "RPT-JSON-8",
      `${path}: "${raw}" is not in canonical form; stored as "${canonical}"`,
      "warning",
      "ip-canonical",
    );
  }
  return canonical;
}
