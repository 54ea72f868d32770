// The audit log's and the rejected submissions' state in the URL (issue 16).
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

export interface AuditParams {
  action: string | null;
  user: string;
  from: string | null;
  to: string | null;
  after: Cursor | null;
}

/** `actions`: those the log holds; another is named as a problem and dropped. */
export function parseAuditParams(
  sp: SearchParams,
  actions: readonly string[],
): { params: AuditParams; problems: string[] } {
  const problems: string[] = [];
  const action = first(sp.action);
  return {
    params: {
      action:
        action && !actions.includes(action)
          ? (problems.push(`No event has the action "${action}"; the filter was ignored.`), null)
          : action || null,
      user: parseText(first(sp.user)),
      from: parseDay(first(sp.from), "from", problems),
      to: parseDay(first(sp.to), "to", problems),
      after: parseCursor(first(sp.after), false, problems),
    },
    problems,
  };
}

export const auditHref = (p: AuditParams, change: Partial<AuditParams> = {}): string => {
  const x = { ...p, ...change };
  return hrefWith("/audit", {
    action: x.action,
    user: x.user,
    from: x.from,
    to: x.to,
    after: x.after ? cursorText(x.after, false) : null,
  });
};

export const REJECTED_CHANNELS = ["https", "imap", "upload", "cli"] as const;

export interface RejectedParams {
  channel: (typeof REJECTED_CHANNELS)[number] | null;
  after: Cursor | null;
}

/** On /settings, beside other sections: the parameters carry a "rejected" prefix. */
export function parseRejectedParams(sp: SearchParams): {
  params: RejectedParams;
  problems: string[];
} {
  const problems: string[] = [];
  return {
    params: {
      channel: parseChoice(first(sp.rejectedChannel), REJECTED_CHANNELS, "channel", problems),
      after: parseCursor(first(sp.rejectedAfter), false, problems),
    },
    problems,
  };
}

export const rejectedHref = (p: RejectedParams, change: Partial<RejectedParams> = {}): string => {
  const x = { ...p, ...change };
  return hrefWith("/settings", {
    rejectedChannel: x.channel,
    rejectedAfter: x.after ? cursorText(x.after, false) : null,
  });
};
