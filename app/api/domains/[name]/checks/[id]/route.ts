import { NextResponse } from "next/server";
import { loadCheckRunView } from "@/lib/db/checks/check-run-view";
import { getDb } from "@/lib/db/client";
import { fail } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";

// One stored check run with its report and what changed since the run before it.
// `latest` names the newest finished run.

export const dynamic = "force-dynamic";

type Params = { name: string; id: string };

export const GET = withDomain<Params>("viewer", async (_req, _user, domain, { id }) => {
  const view = await loadCheckRunView(await getDb(), domain.id, id === "latest" ? undefined : id);
  if (!view) return fail("not-found", "No such check run.", { key: "noSuchCheckRun" });
  return NextResponse.json(view);
});
