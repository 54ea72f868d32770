import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { setHosting } from "@/lib/db/policies/rollout-facts";
import { withUser } from "@/lib/http/handler";

type Params = { name: string };
const HostingSchema = z.object({ hosting: z.enum(["hosted", "self"]) });

export const POST = withUser<Params>("admin", async (req, user, { name }) => {
  const db = await getDb();
  const d = await findDomainByName(db, decodeURIComponent(name));
  if (!d) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  const parsed = HostingSchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success)
    return NextResponse.json({ error: 'Choose "hosted" or "self".' }, { status: 400 });
  const r = await setHosting(db, d.id, parsed.data.hosting, { userId: user.id, email: user.email });
  if (!r.ok) return NextResponse.json({ error: r.error }, { status: 404 });
  return NextResponse.json({ hosting: r.value });
});
