import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { findDomainByName, removeDomain } from "@/lib/db/domains/domains";
import { withUser } from "@/lib/http/handler";

type Params = { name: string };

export const GET = withUser<Params>("viewer", async (_req, _user, { name }) => {
  const d = await findDomainByName(await getDb(), decodeURIComponent(name));
  if (!d) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  return NextResponse.json({ name: d.name, displayName: d.displayName, createdAt: d.createdAt });
});

export const DELETE = withUser<Params>("admin", async (_req, user, { name }) => {
  const db = await getDb();
  const d = await findDomainByName(db, decodeURIComponent(name));
  if (!d) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  const r = await removeDomain(db, d.id, { userId: user.id, email: user.email });
  if (!r.ok) return NextResponse.json({ error: r.error }, { status: 404 });
  return new NextResponse(null, { status: 204 });
});
