// A parsed JSON value → NormalizedReport (RPT-JSON-*, RPT-QUIRK-*, RPT-ING-3/4).
// Delivery metadata (headers, filename) is recorded in hashBasis so that computeContentHash
// ignores it: the same body hashes the same whichever way it arrived (RPT-ING-5).
import { contentHash } from "./content-hash";
import {
  clip,
  FieldError,
  isObject,
  optString,
  readDatetime,
  type JsonObject,
  type ReadContext,
} from "./fields";
import { parseReportFilename } from "./filename";
import { normalizePolicies } from "./policy-budget";
import type { NormalizedReport, ReadHints } from "./types";
import { wt } from "./warnings";

const DAY = 86_400_000;

export class NotAReport extends Error {}

function looksLikeReport(v: JsonObject): boolean {
  return (
    v["policies"] !== undefined ||
    v["date-range"] !== undefined ||
    v["organization-name"] !== undefined ||
    v["report-id"] !== undefined
  );
}

export function normalizeReport(value: unknown, ctx: ReadContext): NormalizedReport {
  if (!isObject(value) || !looksLikeReport(value)) {
    throw new NotAReport();
  }
  const organizationName = (
    optString(value["organization-name"], "", "organization-name", ctx) ?? ""
  ).trim();
  const range = value["date-range"];
  if (!isObject(range)) {
    throw new FieldError("date-range", "expectedObject", ctx.got("date-range", range));
  }
  const start = readDatetime(range["start-datetime"], "date-range.start-datetime", ctx);
  const end = readDatetime(range["end-datetime"], "date-range.end-datetime", ctx);
  checkPeriod(start, end, ctx);
  // §10.2: contact-info is optional for us, so a wrong type (`{}`, a number) is dropped
  // with a warning rather than refusing the whole report. report-id is required (dedupe).
  const rawContact = value["contact-info"];
  const contactOk =
    rawContact === undefined || rawContact === null || typeof rawContact === "string";
  if (!contactOk) {
    const got = ctx.describe("contact-info", rawContact);
    ctx.warn.add(
      "RPT-QUIRK-7",
      wt(`contact-info: expected a string, got ${got}; ignored`, "contactType", { got }),
    );
  }
  let contactInfo = contactOk
    ? (optString(rawContact, "", "contact-info", ctx)?.trim() ?? null)
    : null;
  if (contactInfo === "") contactInfo = null;
  if (contactInfo === null && contactOk) {
    ctx.warn.add(
      "RPT-QUIRK-7",
      wt("contact-info: null or missing; the reporter gave no contact address", "noContact"),
    );
  }
  const reportId = optString(value["report-id"], "", "report-id", ctx) ?? "";
  let policies = value["policies"];
  if (isObject(policies)) {
    ctx.warn.add(
      "RPT-JSON-2",
      wt("policies: a single object instead of an array; read as one policy", "policiesObject"),
    );
    policies = [policies];
  }
  if (!Array.isArray(policies)) {
    throw new FieldError("policies", "expectedArray", ctx.got("policies", policies));
  }
  if (policies.length === 0)
    ctx.warn.add(
      "RPT-JSON-2",
      wt("policies: empty; the report counts no sessions", "policiesEmpty"),
    );
  const normalized = normalizePolicies(policies, ctx);
  // RPT-ING-5: the hash is computed lazily (computeContentHash) unless the report-id must
  // be derived from it now (RPT-ING-4).
  let hash: string | null = null;
  if (reportId === "") {
    hash = contentHash(
      {
        organizationName,
        contactInfo,
        reportId: null,
        startDatetime: start,
        endDatetime: end,
        policies: normalized,
      },
      ctx.plain,
    );
    ctx.warn.add(
      "RPT-ING-4",
      wt("report-id: missing; an id was derived from the content hash", "idDerived"),
    );
  }
  return {
    organizationName,
    contactInfo,
    submitterDomain: null,
    reportId: hash === null ? reportId : `synthetic-${hash.slice(0, 32)}`,
    reportIdSynthesized: reportId === "",
    startDatetime: start,
    endDatetime: end,
    reportDay: reportDayOf(start, end),
    policies: normalized,
    hashBasis: { organizationName, hintedPolicies: null, plain: ctx.plain, hash },
    warnings: [],
  };
}

/**
 * RPT-JSON-3: a report belongs to the UTC day that holds most of its date range (the
 * earliest on a tie), so a day written with a local offset (00:00:00+02:00 ..
 * 23:59:59+02:00) is filed on its own date, not a day early; a week-long range stays on
 * its first day.
 */
export function reportDayOf(start: Date, end: Date): string {
  const s = start.getTime();
  const e = end.getTime();
  const midnight = (Math.floor(s / DAY) + 1) * DAY;
  if (e <= midnight) return utcDay(s);
  const first = midnight - s;
  const second = Math.min(e - midnight, DAY);
  return utcDay(second > first ? midnight : s);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** YYYY-MM-DD (UTC) of an epoch time: days → civil date (H. Hinnant's algorithm), which is
 * cheaper than toISOString().slice(0, 10) in the per-report path. */
export function utcDay(ms: number): string {
  const z = Math.floor(ms / DAY) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** RPT-JSON-3 / RPT-QUIRK-3: a report should cover one UTC day; the end may be 23:59:59Z or the next 00:00:00Z. */
function checkPeriod(start: Date, end: Date, ctx: ReadContext): void {
  const s = start.getTime();
  const len = end.getTime() - s;
  if (len < 0) {
    throw new FieldError("date-range", "startAfterEnd", {
      start: start.toISOString(),
      end: end.toISOString(),
    });
  }
  const midnight = s % DAY === 0;
  if (midnight && len === DAY) {
    ctx.warn.add(
      "RPT-QUIRK-3",
      wt("date-range: ends at the next day's 00:00:00; filed under the start day", "dayBoundary"),
      "info",
    );
  } else if (!midnight || len < DAY - 1000 || len > DAY) {
    ctx.warn.add(
      "RPT-JSON-3",
      wt(
        `date-range: ${start.toISOString()} to ${end.toISOString()} is not one UTC day; filed under ${reportDayOf(start, end)}, the UTC day holding most of it`,
        "notOneDay",
        { start: start.toISOString(), end: end.toISOString(), day: reportDayOf(start, end) },
      ),
      "info",
    );
  }
}

/** The domain of an addr-spec (contact-info), or null. */
function domainOf(address: string | null): string | null {
  if (address === null) return null;
  const at = address.lastIndexOf("@");
  if (at < 0 || at === address.length - 1) return null;
  // Tolerate a trailing ">" or comment: keep the first run of domain characters.
  let end = at + 1;
  while (end < address.length) {
    const c = address.charCodeAt(end);
    if (c === 0x3e || c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) break;
    end++;
  }
  return end === at + 1 ? null : address.slice(at + 1, end).toLowerCase();
}

/** Fills gaps from delivery metadata and notes where it disagrees with the JSON. */
export function applyHints(r: NormalizedReport, hints: ReadHints, ctx: ReadContext): void {
  const file = hints.filename ? parseReportFilename(hints.filename) : null;
  const header = hints.headerDomain?.trim().toLowerCase() || null;
  const submitter = hints.submitter?.trim().toLowerCase() || null;
  const contactDomain = domainOf(r.contactInfo);
  r.submitterDomain = submitter ?? contactDomain ?? file?.sender ?? null;
  if (r.organizationName === "") {
    const fallback = r.submitterDomain;
    if (fallback === null) {
      throw new FieldError("organization-name", "orgMissing");
    }
    ctx.warn.add(
      "RPT-ING-4",
      wt(`organization-name: missing or empty; using the submitter "${fallback}"`, "orgFallback", {
        submitter: fallback,
      }),
    );
    r.organizationName = fallback;
  }
  // RPT-DELIV-5 / RPT-QUIRK-7: the submitter should be contact-info's domain; honest
  // reporters get it wrong, so this is a warning. A subdomain (corp.mail.ru) is accepted.
  if (
    submitter &&
    contactDomain &&
    contactDomain !== submitter &&
    !contactDomain.endsWith(`.${submitter}`)
  ) {
    ctx.warn.add(
      "RPT-DELIV-5",
      wt(
        `TLS-Report-Submitter "${submitter}" is not the domain of contact-info "${clip(r.contactInfo ?? "")}"`,
        "submitterMismatch",
        { submitter, contact: clip(r.contactInfo ?? "") },
      ),
    );
  }
  const fallbackDomain = header ?? file?.policyDomain ?? null;
  r.policies.forEach((p, i) => {
    if (p.policyDomain !== null) return;
    p.policyDomain = fallbackDomain;
    (r.hashBasis.hintedPolicies ??= []).push(i);
    ctx.warn.add(
      "RPT-QUIRK-8",
      fallbackDomain === null
        ? wt(
            `policies[${i}].policy.policy-domain: missing, and no TLS-Report-Domain header or filename to take it from`,
            "policyDomainMissing",
            { index: String(i) },
          )
        : wt(
            `policies[${i}].policy.policy-domain: missing; taken from the ${header ? "TLS-Report-Domain header" : "filename"} ("${fallbackDomain}")`,
            "policyDomainTaken",
            { index: String(i), from: header ? "header" : "filename", domain: fallbackDomain },
          ),
    );
  });
  // RPT-ING-7: metadata that disagrees with the JSON is noted; the JSON wins.
  if (header && r.policies.length > 0 && !r.policies.some((p) => p.policyDomain === header)) {
    ctx.warn.add(
      "RPT-ING-7",
      wt(`TLS-Report-Domain "${header}" names no policy-domain in the report`, "headerNoPolicy", {
        header,
      }),
      "info",
    );
  }
  if (
    file &&
    (file.begin * 1000 !== r.startDatetime.getTime() ||
      !sameEnd(file.end * 1000, r.endDatetime.getTime()))
  ) {
    ctx.warn.add(
      "RPT-ING-7",
      wt(
        `filename "${hints.filename}" gives a period that differs from date-range; the JSON wins`,
        "filenamePeriod",
        { filename: String(hints.filename) },
      ),
      "info",
    );
  }
}

/** 23:59:59 and the next day's 00:00:00 are the same end (RPT-QUIRK-3). */
const sameEnd = (a: number, b: number) => Math.abs(a - b) <= 1000;
