import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getFailureDetails } from "@/lib/db/stats/get-failure-details";
import { fail } from "@/lib/http/errors";
import { FAILURES_QUERY } from "@/lib/http/route-refusals";
import { withDomain } from "@/lib/http/with-domain";
import { isDay } from "@/lib/stats/date-range";

// GET ?day=YYYY-MM-DD&mx=host&resultType=type: the failure details behind one bar
// (mx "" = failures whose report named no MX; resultType optional).
export const GET = withDomain("viewer", async (req, _user, domain) => {
  const q = new URL(req.url).searchParams;
  const day = q.get("day") ?? "";
  const mx = q.get("mx");
  if (!isDay(day) || mx === null)
    return fail("invalid", FAILURES_QUERY.message, FAILURES_QUERY.ref);
  return NextResponse.json(
    await getFailureDetails(await getDb(), domain.id, {
      day,
      mx,
      resultType: q.get("resultType") || null,
    }),
  );
});
