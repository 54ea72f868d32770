// What one pass over a folder did, counted per message (poll-pass.ts), as the account
// shows it after a poll (describeSummary in poll.ts).
export interface PollSummary {
  messages: number;
  stored: number;
  duplicates: number;
  /** Refused: by the reader, over a limit, past the read deadline, or failed 3 times. */
  rejected: number;
  /** Reports only about domains this installation does not manage. */
  unmanaged: number;
  /** Messages without a report. */
  noReport: number;
  /** Moved to the processed folder. */
  moved: number;
  /** Moved to the rejected folder. */
  setAside: number;
  /** Could not be moved: flagged and skipped from now on. */
  flagged: number;
  /** Failed for a reason that may pass: left in the folder for the next poll. */
  retrying: number;
}

export const emptySummary = (): PollSummary => ({
  messages: 0,
  stored: 0,
  duplicates: 0,
  rejected: 0,
  unmanaged: 0,
  noReport: 0,
  moved: 0,
  setAside: 0,
  flagged: 0,
  retrying: 0,
});
