// Next's server start hook, in the Node server process only (not the Edge runtime, not
// while building): prints the first-run setup code while no user exists, then schedules
// IMAP polling of the rua mailboxes (unless STS_DISABLE_POLLER=1).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { announceSetupCodeAtStart } = await import("./lib/auth/announce-setup-code");
  await announceSetupCodeAtStart();
  if (process.env.STS_DISABLE_POLLER === "1") return;
  const { startMailboxPoller } = await import("./lib/mailbox/scheduler");
  startMailboxPoller();
}
