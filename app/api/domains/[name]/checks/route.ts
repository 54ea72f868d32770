import { NextResponse } from "next/server";
import { checkerOptions } from "@/lib/config/checker";
import { loadCheckHistory } from "@/lib/db/checks/check-run-view";
import { runEventStream, startDomainCheck } from "@/lib/check-runs/run-domain-check";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { withUser } from "@/lib/http/handler";

// GET: the domain's check history. POST: run a check now (admins), streamed as NDJSON
// (one RunStreamEvent per line) while the probes finish; the run is stored either way.

export const dynamic = "force-dynamic";

type Params = { name: string };

export const GET = withUser<Params>("viewer", async (_req, _user, { name }) => {
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  return NextResponse.json(await loadCheckHistory(db, domain.id));
});

export const POST = withUser<Params>("admin", async (_req, user, { name }) => {
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  const started = await startDomainCheck(db, domain, user.email, checkerOptions());
  if (!started.ok) return NextResponse.json({ error: started.error }, { status: 409 });
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
