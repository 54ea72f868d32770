// The received-reports list's state in the URL (issue 16): filters and the cursor.
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

export function parseReceivedParams(sp: SearchParams): {
  params: ReceivedParams;
  problems: string[];
} {
  const problems: string[] = [];
  return {
    params: {
      reporter: parseText(first(sp.reporter)),
      auth: parseChoice(first(sp.auth), RECEIVED_AUTH, "authentication", problems),
      from: parseDay(first(sp.from), "from", problems),
      to: parseDay(first(sp.to), "to", problems),
      after: parseCursor(first(sp.after), true, problems),
    },
    problems,
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
