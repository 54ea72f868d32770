import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { listQuarantine } from "@/lib/db/reports/quarantine";
import { withDomain } from "@/lib/http/with-domain";

// GET: reporters whose mail reports about this domain wait in quarantine (RPT-DELIV-7; admins).
export const GET = withDomain("admin", async (_req, _user, domain) =>
  NextResponse.json({ reporters: await listQuarantine(await getDb(), domain.id) }),
);
