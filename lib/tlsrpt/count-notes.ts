// Issue 15 item 6: where a reporter's quirk changes a count, the report view says so.
// Pure: from a stored report's policy entries and the reader's warnings. Each note carries its
// message of the "tlsrptReader" namespace (countNotes.*) beside the English (issue 16 §6).

import type { Diagnostic } from "../core/diagnostic";
import type { MessageRef } from "../i18n/message-ref";

export interface CountedPolicy {
  successfulCount: number;
  failedCount: number;
  failures: readonly {
    receivingMxHostname: string | null;
    failedSessionCount: number;
    resultType: string;
  }[];
}

export interface CountNote {
  /** The quirk (spec §11 id, or ours). */
  id: string;
  message: string;
  ref: MessageRef;
  /** The reader's warning the note quotes as its `warning` parameter: the page passes it
   * translated, as it shows the warning itself. */
  quotes?: Pick<Diagnostic, "message" | "ref">;
}

export function countNotes(
  policies: readonly CountedPolicy[],
  warnings: readonly Pick<Diagnostic, "id" | "message" | "ref">[],
): CountNote[] {
  const notes: CountNote[] = [];
  const ok = Math.max(0, ...policies.map((p) => p.successfulCount));
  const failed = Math.max(0, ...policies.map((p) => p.failedCount));
  if (policies.length > 0 && ok === 0 && failed === 0)
    notes.push({
      id: "RPT-QUIRK-13",
      message:
        "0 sessions: some servers send a daily report even without mail. It is stored, but it is no coverage: the Enforce page does not count this day for this reporter.",
      ref: { key: "countNotes.zeroSessions" },
    });
  if (ok === 1 && failed === 0)
    notes.push({
      id: "RPT-QUIRK-14",
      message:
        "1 session and nothing else: the report mail itself is a session to your MX, so this may be only the delivery of this reporter's previous report (reports about reports can keep each other going). It counts as 1 session.",
      ref: { key: "countNotes.oneSession" },
    });
  for (const p of policies) {
    const unnamed = p.failures.filter((f) => f.receivingMxHostname === null);
    const n = unnamed.reduce((s, f) => s + f.failedSessionCount, 0);
    if (n > 0) {
      const types = [...new Set(unnamed.map((f) => f.resultType))].sort().join(", ");
      notes.push({
        id: "RPT-QUIRK-4",
        message: `${n} failed ${n === 1 ? "session names" : "sessions name"} no MX (${types}; Microsoft omits receiving-mx-hostname and sending-mta-ip on fetch errors): counted as "not attributed", domain-wide, not against an MX host.`,
        ref: { key: "countNotes.unnamedMx", params: { n, count: String(n), types } },
      });
    }
    const detailed = p.failures.reduce((s, f) => s + f.failedSessionCount, 0);
    if (detailed > p.failedCount)
      notes.push({
        id: "RPT-JSON-6",
        message: `The failure details name ${detailed} sessions, total-failure-session-count ${p.failedCount}: the larger number counts.`,
        ref: {
          key: "countNotes.detailsExceed",
          params: { detailed: String(detailed), failed: String(p.failedCount) },
        },
      });
  }
  for (const w of warnings)
    if (/session-count/.test(w.message) && /missing|default/i.test(w.message))
      notes.push({
        id: w.id,
        message: `${w.message}: the reporter left the count out, so the totals here may be too low.`,
        ref: { key: "countNotes.countMissing", params: { warning: w.message } },
        quotes: w.ref ? { message: w.message, ref: w.ref } : { message: w.message },
      });
  return notes;
}
