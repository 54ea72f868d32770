import type { Instrumentation } from "next";

// Next's server start hook, in the Node server process (not the Edge runtime, not while
// building): validates the settings first (a bad one stops the start, naming it: see
// lib/config/settings-at-start.ts), stamps each request with its socket address for the
// public endpoints' limits (lib/http/peer-address.ts), starts the worker threads (so the
// first report is not the one that waits for them), prints the first-run setup code while
// no user exists, and starts the scheduler (lib/scheduler, issue 14): the daily re-check of
// every domain, IMAP polling of the rua mailboxes (unless STS_DISABLE_POLLER=1), the pruning
// of raw inputs past their retention and alert delivery, each run once per slot across
// every instance on the database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { settingsAtStart } = await import("./lib/config/settings-at-start");
  const s = settingsAtStart();
  if (!s) return;
  const { installPeerStamp } = await import("./lib/http/peer-address");
  installPeerStamp();
  const { workerPool } = await import("./lib/pool/shared");
  workerPool();
  const { announceSetupCodeAtStart } = await import("./lib/auth/announce-setup-code");
  await announceSetupCodeAtStart();
  const { startScheduler } = await import("./lib/scheduler/start");
  await startScheduler();
}

// An error while rendering a page or running a route: logged with the request id proxy.ts
// gave the request (the error page shows it) and Next's digest (also shown), so a person's
// report leads to this line. The browser only ever gets the generic message.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/log");
  const { REQUEST_ID_HEADER } = await import("./lib/http/request-id");
  const id = request.headers[REQUEST_ID_HEADER];
  logger.error(
    {
      err: error,
      requestId: Array.isArray(id) ? id[0] : (id ?? null),
      digest: (error as { digest?: unknown }).digest ?? null,
      method: request.method,
      path: request.path,
      route: context.routePath,
    },
    "request failed",
  );
};
