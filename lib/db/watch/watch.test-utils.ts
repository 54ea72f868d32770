import type { Db } from "../client";
import type { RaiseAlert } from "./watch-domain";

// A raiseAlert that records its calls (the alerts module tests delivery itself).
export type RaisedAlert = Parameters<RaiseAlert>[0];

export function recordingRaise(): { raise: RaiseAlert; calls: RaisedAlert[] } {
  const calls: RaisedAlert[] = [];
  return {
    calls,
    raise: async (a) => {
      calls.push(a);
      return "queued";
    },
  };
}

/** Open and resolved findings of a domain, oldest first, as the timeline sees them. */
export async function findingsOf(db: Db, domainId: string) {
  return db.watchFinding.findMany({
    where: { domainId },
    orderBy: [{ openedAt: "asc" }, { kind: "asc" }, { subject: "asc" }],
    select: { kind: true, subject: true, severity: true, title: true, resolvedAt: true },
  });
}
