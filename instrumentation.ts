// Next's server start hook: schedules IMAP polling of the rua mailboxes in the Node server
// process. Not in the Edge runtime, not while building, and not when STS_DISABLE_POLLER=1.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.STS_DISABLE_POLLER === "1") return;
  const { startMailboxPoller } = await import("./lib/mailbox/scheduler");
  startMailboxPoller();
}
