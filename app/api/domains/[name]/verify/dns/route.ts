import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { withUser } from "@/lib/http/handler";
import { verifyDnsForDomain } from "@/lib/rollout/verify-domain";

type Params = { name: string };

// Viewers may verify: it only looks, and records what it saw.
export const POST = withUser<Params>("viewer", async (_req, user, { name }) => {
  const db = await getDb();
  const d = await findDomainByName(db, decodeURIComponent(name));
  if (!d) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  return NextResponse.json(await verifyDnsForDomain(db, d, { userId: user.id, email: user.email }));
});
