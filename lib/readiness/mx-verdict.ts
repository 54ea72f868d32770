import { findMatchingPattern } from "@/lib/mta-sts/mx-pattern";
import { currentMxHosts } from "./day-evidence";
import { inRange, type Windows } from "./days";
import { unexplainedFailures } from "./failure-counts";
import type { FailureEntry, MxDay, MxVerdict, ReadinessInput } from "./types";
import { formatCount } from "@/lib/core/format-number";
import type { Locale } from "@/lib/i18n/locale";

// A verdict per MX (RFC 8461 §8.4, the backup-MX trap): one domain-wide rate can hide an
// MX that fails every day. Any MX with failures on 2 or more of the last 7 days, or on
// the last reported day, blocks enforce whatever the rate. Failures that name no MX are
// "not attributed": shown, and counted in the domain-wide rate (READY-5), not here.

/** Days of failures an MX may have in the last week before it blocks. */
export const MX_BLOCK_DAYS = 2;

const sum = (byType: Record<string, number>) => Object.values(byType).reduce((s, n) => s + n, 0);
/** "1,200 × certificate-expired, 3 × starttls-not-supported": failed sessions by type. */
export const describeFailures = (days: readonly MxDay[], locale?: Locale): string => {
  const t = new Map<string, number>();
  for (const d of days)
    for (const [k, n] of Object.entries(d.byType)) t.set(k, (t.get(k) ?? 0) + n);
  return [...t].map(([k, n]) => `${formatCount(n, locale)} × ${k}`).join(", ");
};
const describe = (days: readonly MxDay[]) => describeFailures(days);

/**
 * The parameters of an MX verdict's message in `locale`: its own, plus the lists of
 * failures it names (the whole window, the last week, the last reported day), with counts
 * grouped for the locale (issue 16 §6).
 */
export function mxReasonParams(
  m: Pick<MxVerdict, "days" | "message">,
  locale?: Locale,
): Record<string, string | number> {
  const p = m.message.params ?? {};
  const between = (from: string | number | undefined, to: string | number | undefined) =>
    describeFailures(
      m.days.filter((d) => d.day >= String(from) && d.day <= String(to)),
      locale,
    );
  return {
    ...p,
    list: describeFailures(m.days, locale),
    weekList: between(p.weekFrom, p.weekTo),
    lastList: between(p.lastDay, p.lastDay),
  };
}

export function mxVerdicts(input: ReadinessInput, w: Windows): MxVerdict[] {
  const patterns = input.policy?.mx ?? [];
  const rows: FailureEntry[] = [
    ...input.failures.filter((f) => f.policyType !== "tlsa"),
    ...unexplainedFailures(input, w.window),
  ];
  const hosts = new Map<
    string,
    { days: Map<string, Record<string, number>>; last: string | null }
  >();
  const host = (h: string) => {
    let v = hosts.get(h);
    if (!v) hosts.set(h, (v = { days: new Map(), last: null }));
    return v;
  };
  for (const h of currentMxHosts(input)) host(h);
  for (const p of patterns)
    if (!p.startsWith("*.") && !hosts.has(p.toLowerCase())) host(p.toLowerCase());
  for (const f of rows) {
    const v = host((f.mxHost ?? "").toLowerCase());
    if (f.sessions > 0 && (v.last === null || f.day > v.last)) v.last = f.day;
    if (!inRange(f.day, w.window)) continue;
    const byType = v.days.get(f.day) ?? {};
    byType[f.resultType] = (byType[f.resultType] ?? 0) + f.sessions;
    v.days.set(f.day, byType);
  }
  const lastDay = w.window.to;
  const out: MxVerdict[] = [];
  for (const [h, v] of hosts) {
    const days = [...v.days]
      .map(([day, byType]) => ({ day, byType }))
      .filter((d) => sum(d.byType) > 0)
      .sort((a, b) => b.day.localeCompare(a.day));
    const week = days.filter((d) => inRange(d.day, w.lastWeek));
    const onLast = days.find((d) => d.day === lastDay);
    const pattern = h === "" ? null : findMatchingPattern(patterns, h);
    const base = { host: h, pattern, days, daysWithFailures: week.length, lastFailure: v.last };
    if (h === "") {
      const n = days.reduce((s, d) => s + sum(d.byType), 0);
      out.push({
        ...base,
        blocking: false,
        reason: `${formatCount(n)} failed ${n === 1 ? "session names" : "sessions name"} no MX (${describe(days)}): counted in the domain-wide rate (READY-5).`,
        message: { key: "mx.unattributed", params: { n } },
      });
      continue;
    }
    const why: string[] = [];
    if (week.length >= MX_BLOCK_DAYS)
      why.push(`failed on ${week.length} of the last 7 days (${describe(week)})`);
    if (onLast)
      why.push(
        `${why.length > 0 ? "" : "failed "}on the last reported day ${lastDay} (${describe([onLast])})`,
      );
    const blocking = why.length > 0;
    const params = {
      host: h,
      days: String(week.length),
      lastDay,
      weekFrom: w.lastWeek.from,
      weekTo: w.lastWeek.to,
    };
    const key = !blocking
      ? week.length === 1
        ? "mx.oneDay"
        : days.length > 0
          ? "mx.clean"
          : "mx.none"
      : week.length >= MX_BLOCK_DAYS
        ? onLast
          ? "mx.blockingWeekAndLast"
          : "mx.blockingWeek"
        : "mx.blockingLast";
    out.push({
      ...base,
      blocking,
      message: { key, params: key === "mx.oneDay" ? { day: week[0]?.day ?? "" } : params },
      reason: blocking
        ? `${h} ${why.join(" and ")}: in enforce these sessions would bounce; fix this MX first.`
        : week.length === 1
          ? `Failed on 1 of the last 7 days (${week[0]?.day}), not on the last reported day.`
          : days.length > 0
            ? "No failures in the last 7 days."
            : "No failed sessions reported.",
    });
  }
  return out.sort(
    (a, b) =>
      Number(b.blocking) - Number(a.blocking) ||
      Number(a.host === "") - Number(b.host === "") ||
      a.host.localeCompare(b.host),
  );
}
