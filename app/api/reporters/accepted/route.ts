import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { acceptReporter } from "@/lib/db/reports/quarantine";
import { fail } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";
import { ACCEPT_REPORTER_BODY } from "@/lib/http/route-refusals";

const AcceptBody = z.object({ reporterKey: z.string().trim().min(1).max(255) });

// POST {reporterKey}: accept a reporter; its quarantined reports count from now on, for
// every domain (RPT-DELIV-7; admins, audited).
export const POST = withUser("admin", async (req, user) => {
  const body = AcceptBody.safeParse(await req.json().catch(() => null));
  if (!body.success) return fail("invalid", ACCEPT_REPORTER_BODY.message, ACCEPT_REPORTER_BODY.ref);
  const r = await acceptReporter(await getDb(), body.data.reporterKey, {
    userId: user.id,
    email: user.email,
  });
  if (!r.ok) return fail("conflict", r.error, r.ref);
  return NextResponse.json(
    { reporterKey: body.data.reporterKey, reports: r.reports },
    { status: 201 },
  );
});
