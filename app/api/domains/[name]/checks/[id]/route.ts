import { NextResponse } from "next/server";
import { loadCheckRunView } from "@/lib/db/checks/check-run-view";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { withUser } from "@/lib/http/handler";

// One stored check run with its report and what changed since the run before it.
// `latest` names the newest finished run.

export const dynamic = "force-dynamic";

type Params = { name: string; id: string };

export const GET = withUser<Params>("viewer", async (_req, _user, { name, id }) => {
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  const view = await loadCheckRunView(db, domain.id, id === "latest" ? undefined : id);
  if (!view) return NextResponse.json({ error: "No such check run." }, { status: 404 });
  return NextResponse.json(view);
});
