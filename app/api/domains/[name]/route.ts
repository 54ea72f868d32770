import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { removeDomain } from "@/lib/db/domains/domains";
import { failed } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";

export const GET = withDomain("viewer", async (_req, _user, d) =>
  NextResponse.json({ name: d.name, displayName: d.displayName, createdAt: d.createdAt }),
);

// The domains list's Remove button. The domain's reports and history go with it; its DNS
// records and any published policy are not touched.
export const DELETE = withDomain("admin", async (_req, user, d) => {
  const r = await removeDomain(await getDb(), d.id, { userId: user.id, email: user.email });
  if (!r.ok) return failed(r.error);
  return new NextResponse(null, { status: 204 });
});
