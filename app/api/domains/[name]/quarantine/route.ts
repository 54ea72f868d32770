import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { listQuarantine } from "@/lib/db/reports/quarantine";
import { withUser } from "@/lib/http/handler";

type Params = { name: string };

// GET: reporters whose mail reports about this domain wait in quarantine (RPT-DELIV-7; admins).
export const GET = withUser<Params>("admin", async (_req, _user, { name }) => {
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  return NextResponse.json({ reporters: await listQuarantine(db, domain.id) });
});
