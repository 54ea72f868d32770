// A domain's timeline (issue 14 deliverable 1): checks, changes the watch found (opened and
// resolved), alerts, mode and policy changes, days without reports. Plain JSON, newest first.
import type { AlertTextRefs } from "../alerts/text-refs";
import type { MessageRef } from "../i18n/message-ref";

export type TimelineKind =
  | "check"
  | "finding-opened"
  | "finding-resolved"
  | "alert"
  | "mode"
  | "policy"
  | "silence"
  | "removal";

export interface TimelineEntry {
  /** Unique and stable: "<source>:<id>"; breaks ties between entries at the same instant. */
  key: string;
  /** ISO 8601. */
  at: string;
  kind: TimelineKind;
  /** The check id or alert kind the entry is about (CHK-OPS-3, WATCH-CERT, …), if any. */
  ref: string | null;
  severity: "error" | "warning" | "info" | "ok";
  title: string;
  detail: string;
  /** The title and detail as MessageRefs in namespace `timeline.entry` (issue 16 §6); a
   * `{title}` parameter is replaced by `source.title` translated, when there is one. */
  text?: { title: MessageRef; detail?: MessageRef };
  /** The finding's or alert's own texts, stored with it: translated in their namespace. */
  source?: Partial<Pick<AlertTextRefs, "title" | "detail" | "fix">> &
    Pick<AlertTextRefs, "namespace">;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: string | null;
}

/** The position after an entry: "<at ISO>|<key>". */
export const cursorOf = (e: Pick<TimelineEntry, "at" | "key">): string => `${e.at}|${e.key}`;

export function parseCursor(text: string): { at: string; key: string } | null {
  const bar = text.indexOf("|");
  if (bar < 0) return null;
  const at = text.slice(0, bar);
  const key = text.slice(bar + 1);
  return Number.isNaN(Date.parse(at)) || key === ""
    ? null
    : { at: new Date(at).toISOString(), key };
}

/** Newest first; the key orders entries at the same instant. */
export const newestFirst = (a: TimelineEntry, b: TimelineEntry): number =>
  a.at === b.at ? (a.key < b.key ? 1 : a.key > b.key ? -1 : 0) : a.at < b.at ? 1 : -1;

/** Entries strictly older than the cursor. */
export const olderThan =
  (cursor: { at: string; key: string } | null) =>
  (e: TimelineEntry): boolean =>
    cursor === null || e.at < cursor.at || (e.at === cursor.at && e.key < cursor.key);

/** One page of the merged sources: newest first, at most `limit`, with the next cursor. */
export function pageOf(
  entries: readonly TimelineEntry[],
  cursor: { at: string; key: string } | null,
  limit: number,
): TimelinePage {
  const sorted = entries.filter(olderThan(cursor)).sort(newestFirst);
  const page = sorted.slice(0, limit);
  const last = page.at(-1);
  return { entries: page, next: sorted.length > limit && last ? cursorOf(last) : null };
}
