// The audit log's and the rejected submissions' state in the URL (issue 16).
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

export interface AuditParams {
  action: string | null;
  user: string;
  from: string | null;
  to: string | null;
  after: Cursor | null;
}

/** `actions`: those the log holds; another is named as a problem and dropped. `problems` is
 * English (logs, tests); `problemRefs` the same as messages of the UI's "audit" namespace. */
export function parseAuditParams(
  sp: SearchParams,
  actions: readonly string[],
): { params: AuditParams; problems: string[]; problemRefs: MessageRef[] } {
  const problems: string[] = [];
  const problemRefs: MessageRef[] = [];
  /** Runs a parser of lib/lists/params; when it drops the value, `ref` says so too. */
  const noting = <T>(parse: () => T, ref: MessageRef): T => {
    const before = problems.length;
    const value = parse();
    if (problems.length > before) problemRefs.push(ref);
    return value;
  };
  const raw = { action: first(sp.action), from: first(sp.from), to: first(sp.to) };
  const after = first(sp.after);
  let action: string | null = raw.action || null;
  if (action && !actions.includes(action)) {
    problems.push(`No event has the action "${action}"; the filter was ignored.`);
    problemRefs.push({ key: "problems.action", params: { value: action } });
    action = null;
  }
  const day = (field: "from" | "to") =>
    noting(() => parseDay(raw[field], field, problems), {
      key: "problems.day",
      params: { field, value: raw[field] ?? "" },
    });
  return {
    params: {
      action,
      user: parseText(first(sp.user)),
      from: day("from"),
      to: day("to"),
      after: noting(() => parseCursor(after, false, problems), {
        key: "problems.position",
        params: { value: after ?? "" },
      }),
    },
    problems,
    problemRefs,
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
