// The received-reports list's state in the URL (issue 16): filters and the cursor.
import type { MessageRef } from "@/lib/i18n/message-ref";
import {
  cursorText,
  first,
  hrefWith,
  parseChoice,
  parseCursor,
  parseDay,
  parseText,
  type Cursor,
  type SearchParams,
} from "./params";

/** Report.auth values (RPT-DELIV-7), as the filter offers them (labels: `reports.auth.filter`). */
export const RECEIVED_AUTH = ["pass", "unaligned", "fail", "none", "unauthenticated"] as const;
export type ReceivedAuth = (typeof RECEIVED_AUTH)[number];

export interface ReceivedParams {
  reporter: string;
  auth: ReceivedAuth | null;
  from: string | null;
  to: string | null;
  after: Cursor | null;
}

/** `problems` is English (logs, tests); `problemRefs` the same as messages of the UI's
 * "reports" namespace (issue 16 §6), as parseAuditParams does. */
export function parseReceivedParams(sp: SearchParams): {
  params: ReceivedParams;
  problems: string[];
  problemRefs: MessageRef[];
} {
  const problems: string[] = [];
  const problemRefs: MessageRef[] = [];
  /** Runs a parser of lib/lists/params; when it drops the value, `ref` says so too. */
  const noting = <T>(parse: () => T, ref: MessageRef): T => {
    const before = problems.length;
    const value = parse();
    if (problems.length > before) problemRefs.push(ref);
    return value;
  };
  const raw = {
    auth: first(sp.auth),
    from: first(sp.from),
    to: first(sp.to),
    after: first(sp.after),
  };
  const day = (field: "from" | "to") =>
    noting(() => parseDay(raw[field], field, problems), {
      key: "received.problems.day",
      params: { field, value: raw[field] ?? "" },
    });
  return {
    params: {
      reporter: parseText(first(sp.reporter)),
      auth: noting(() => parseChoice(raw.auth, RECEIVED_AUTH, "authentication", problems), {
        key: "received.problems.auth",
        params: { value: raw.auth ?? "", allowed: RECEIVED_AUTH.join(", ") },
      }),
      from: day("from"),
      to: day("to"),
      after: noting(() => parseCursor(raw.after, true, problems), {
        key: "received.problems.position",
        params: { value: raw.after ?? "" },
      }),
    },
    problems,
    problemRefs,
  };
}

export function receivedHref(
  base: string,
  p: ReceivedParams,
  change: Partial<ReceivedParams> = {},
): string {
  const x = { ...p, ...change };
  return hrefWith(base, {
    reporter: x.reporter,
    auth: x.auth,
    from: x.from,
    to: x.to,
    after: x.after ? cursorText(x.after, true) : null,
  });
}
