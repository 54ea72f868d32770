import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getDomainStats } from "@/lib/db/stats/get-domain-stats";
import { failed } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";
import { resolveRange } from "@/lib/stats/resolve-range";

// GET ?from=YYYY-MM-DD&to=YYYY-MM-DD (or ?days=N) &mx=host: the report dashboard's numbers.
export const GET = withDomain("viewer", async (req, _user, domain) => {
  const q = new URL(req.url).searchParams;
  const range = resolveRange(
    { from: q.get("from"), to: q.get("to"), days: q.get("days") },
    new Date(),
  );
  if (!range.ok) return failed(range.error);
  const mx = q.get("mx");
  return NextResponse.json(await getDomainStats(await getDb(), domain, range.value, mx));
});
