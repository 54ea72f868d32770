import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { getDomainStats } from "@/lib/db/stats/get-domain-stats";
import { withUser } from "@/lib/http/handler";
import { resolveRange } from "@/lib/stats/date-range";

type Params = { name: string };

// GET ?from=YYYY-MM-DD&to=YYYY-MM-DD (or ?days=N) &mx=host: the report dashboard's numbers.
export const GET = withUser<Params>("viewer", async (req, _user, { name }) => {
  const q = new URL(req.url).searchParams;
  const range = resolveRange(
    { from: q.get("from"), to: q.get("to"), days: q.get("days") },
    new Date(),
  );
  if (!range.ok) return NextResponse.json({ error: range.error }, { status: 400 });
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  const mx = q.get("mx");
  return NextResponse.json(await getDomainStats(db, domain, range.value, mx === null ? null : mx));
});
