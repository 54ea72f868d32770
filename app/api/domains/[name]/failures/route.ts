import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { getFailureDetails } from "@/lib/db/stats/get-failure-details";
import { withUser } from "@/lib/http/handler";
import { isDay } from "@/lib/stats/date-range";

type Params = { name: string };

// GET ?day=YYYY-MM-DD&mx=host&resultType=type: the failure details behind one bar
// (mx "" = failures whose report named no MX; resultType optional).
export const GET = withUser<Params>("viewer", async (req, _user, { name }) => {
  const q = new URL(req.url).searchParams;
  const day = q.get("day") ?? "";
  const mx = q.get("mx");
  if (!isDay(day) || mx === null)
    return NextResponse.json({ error: "Give day (YYYY-MM-DD) and mx." }, { status: 400 });
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  return NextResponse.json(
    await getFailureDetails(db, domain.id, { day, mx, resultType: q.get("resultType") || null }),
  );
});
