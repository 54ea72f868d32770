// WATCH-FAILURES: a failure result type not seen on an MX before the window, or failed sessions
// on one MX above a share of all the domain's sessions over the window. TLS reports count
// successes only per policy, not per MX, so the share is of the domain's sessions.
import { addDays, dayOf } from "./dates";
import type { Detection, Finding, WatchInput, WatchRollup } from "./types";

const KIND = "WATCH-FAILURES" as const;
const SUMMARY = new Set(["success", "failure"]);

const mxName = (mx: string) => (mx === "" ? "(no MX named)" : mx);
/** The MX as a message parameter: "NONE" selects the translated "(no MX named)". */
const mxRef = (mx: string) => (mx === "" ? "NONE" : mx);
const sum = (rows: readonly WatchRollup[]) => rows.reduce((n, r) => n + r.sessions, 0);

export function detectFailures(input: WatchInput): Detection {
  const today = dayOf(input.now);
  const windowDays = input.thresholds.failureWindowDays;
  const start = addDays(today, -windowDays);
  const span = `${start} to ${today}`;
  const inWindow = input.rollups.filter((r) => r.day >= start && r.day <= today);
  const before = input.rollups.filter((r) => r.day < start);
  const detail = (r: WatchRollup) => r.mxHost !== "*" && !SUMMARY.has(r.resultType);
  const total = sum(inWindow.filter((r) => r.mxHost === "*" && SUMMARY.has(r.resultType)));
  const findings: Finding[] = [];

  const byMx = new Map<string, WatchRollup[]>();
  for (const r of inWindow.filter(detail)) byMx.set(r.mxHost, [...(byMx.get(r.mxHost) ?? []), r]);
  for (const [mx, rows] of [...byMx].sort(([a], [b]) => a.localeCompare(b))) {
    const failed = sum(rows);
    const percent = total > 0 ? (failed / total) * 100 : 0;
    if (total === 0 || percent <= input.thresholds.failurePercent) continue;
    const types = new Map<string, number>();
    for (const r of rows) types.set(r.resultType, (types.get(r.resultType) ?? 0) + r.sessions);
    const breakdown = [...types].map(([t, n]) => `${t} ${n}`).join(", ");
    findings.push({
      kind: KIND,
      subject: mxName(mx),
      severity: "error",
      title: `${percent.toFixed(1)}% of sessions failed on ${mxName(mx)}`,
      detail: `${failed} failed sessions on ${mxName(mx)} of ${total} sessions reported for ${input.domain} from ${span} (threshold ${input.thresholds.failurePercent}%): ${breakdown}.`,
      fix: `Open Reports and the failure details of ${mxName(mx)}: fix what the result types name (certificate, STARTTLS, the policy's mx list) or take the host out of the MX records. Under enforce, this mail is delayed or bounced.`,
      i18n: {
        namespace: "findings",
        title: { key: `${KIND}.rateTitle`, params: { percent, mx: mxRef(mx) } },
        detail: {
          key: `${KIND}.rateDetail`,
          params: {
            failed: String(failed),
            mx: mxRef(mx),
            total: String(total),
            domain: input.domain,
            from: start,
            to: today,
            threshold: input.thresholds.failurePercent,
            breakdown,
          },
        },
        fix: { key: `${KIND}.rateFix`, params: { mx: mxRef(mx) } },
      },
    });
  }

  // New result types: only once reports had flowed before the window.
  if (before.some((r) => r.mxHost === "*" && r.sessions > 0)) {
    const known = new Set(before.filter(detail).map((r) => `${r.mxHost}|${r.resultType}`));
    const fresh = new Map<string, number>();
    for (const r of inWindow.filter(detail)) {
      const key = `${r.mxHost}|${r.resultType}`;
      if (!known.has(key) && r.sessions > 0) fresh.set(key, (fresh.get(key) ?? 0) + r.sessions);
    }
    for (const [key, n] of [...fresh].sort(([a], [b]) => a.localeCompare(b))) {
      const [mx = "", type = ""] = key.split("|");
      findings.push({
        kind: KIND,
        subject: `${mxName(mx)}: ${type}`,
        severity: "warning",
        title: `New failure type ${type} on ${mxName(mx)}`,
        detail: `${n} sessions with result type ${type} on ${mxName(mx)} from ${span}; none before ${start} in the stored reports.`,
        fix: `Open Reports and the failure details of ${mxName(mx)} to see which senders report ${type}, and fix the cause on the host (a changed certificate, STARTTLS, the policy's mx list).`,
        i18n: {
          namespace: "findings",
          title: { key: `${KIND}.newTitle`, params: { type, mx: mxRef(mx) } },
          detail: {
            key: `${KIND}.newDetail`,
            params: { count: String(n), type, mx: mxRef(mx), from: start, to: today },
          },
          fix: { key: `${KIND}.newFix`, params: { type, mx: mxRef(mx) } },
        },
      });
    }
  }
  return { kind: KIND, evaluated: true, findings, keep: [] };
}
