// Next's server start hook: in the Node server process, schedules the pruning of raw inputs
// past their retention (at start, then daily) and IMAP polling of the rua mailboxes. Not in
// the Edge runtime, not while building; no polling when STS_DISABLE_POLLER=1.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRawInputPruner } = await import("./lib/ingest/raw-retention");
  startRawInputPruner();
  if (process.env.STS_DISABLE_POLLER === "1") return;
  const { startMailboxPoller } = await import("./lib/mailbox/scheduler");
  startMailboxPoller();
}
