import { NextResponse } from "next/server";
import { checkerOptions } from "@/lib/config/checker";
import { loadCheckHistory } from "@/lib/db/checks/check-run-view";
import {
  ALREADY_RUNNING,
  runEventStream,
  startDomainCheck,
} from "@/lib/check-runs/run-domain-check";
import { getDb } from "@/lib/db/client";
import { watchDomain } from "@/lib/db/watch/watch-domain";
import { fail } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";
import { logger } from "@/lib/log";

// GET: the domain's check history. POST: run a check now (admins), streamed as NDJSON
// (one RunStreamEvent per line) while the probes finish; the run is stored either way.
// Once stored, the run is watched like a scheduled one (issue 14): drift or expiry it shows
// becomes a finding and an alert now, and the next scheduled watch compares against it.

export const dynamic = "force-dynamic";

export const GET = withDomain("viewer", async (_req, _user, domain) =>
  NextResponse.json(await loadCheckHistory(await getDb(), domain.id)),
);

export const POST = withDomain("admin", async (_req, user, domain) => {
  const db = await getDb();
  const started = await startDomainCheck(db, domain, user.email, checkerOptions());
  if (!started.ok) {
    const ref = started.error === ALREADY_RUNNING ? { key: "checkRunning" } : undefined;
    return fail("conflict", started.error, ref);
  }
  void started.value.finished
    .then(() => watchDomain(domain.id))
    .catch((err: unknown) =>
      logger.error({ err, domain: domain.name }, "watch after check failed"),
    );
  return new Response(runEventStream(started.value), {
    status: 200,
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      // no-transform: keeps compression from buffering the stream; no proxy buffering either.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      "X-Check-Run": started.value.id,
    },
  });
});
