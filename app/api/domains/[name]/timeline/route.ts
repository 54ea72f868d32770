import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getTimeline } from "@/lib/db/watch/get-timeline";
import { failed } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";
import { parseTimelineQuery } from "@/lib/timeline/query";

// GET ?before=<cursor>&limit=<n>: the domain's timeline, newest first (issue 14).
export const dynamic = "force-dynamic";

export const GET = withDomain("viewer", async (req, _user, domain) => {
  const q = parseTimelineQuery(new URL(req.url).searchParams);
  if (!q.ok) return failed(q.error);
  return NextResponse.json(await getTimeline(await getDb(), domain.id, q.value));
});
