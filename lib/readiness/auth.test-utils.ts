// Test helpers: the authentication of a built report entry (RPT-DELIV-7). Each call is a
// new report (its own row id), as the database would give it.
import type { EntryAuth } from "./types";

let nextReport = 0;

/** Mail with a DKIM pass aligned with its reporter, signed d=`domain`. */
export const dkimPass = (domain: string, accepted = false): EntryAuth => ({
  report: ++nextReport,
  channel: "imap",
  result: "pass",
  domain,
  accepted,
});

/** A report posted over HTTPS (or uploaded): RFC 8460 gives it no authentication. */
export const unauthenticated = (channel = "https", accepted = false): EntryAuth => ({
  report: ++nextReport,
  channel,
  result: "unauthenticated",
  domain: null,
  accepted,
});
