import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { changeMode } from "@/lib/db/readiness/change-mode";
import { getEnforceState } from "@/lib/db/readiness/get-enforce-state";
import { withUser } from "@/lib/http/handler";

type Params = { name: string };

// GET: served policy, READY-1..7 with evidence, proposed max_age, removal timeline (viewer+).
export const GET = withUser<Params>("viewer", async (_req, _user, { name }) => {
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  return NextResponse.json(await getEnforceState(db, domain));
});

const ModeChangeBody = z.object({
  action: z.enum(["enforce", "rollback", "removal"]),
  maxAge: z.number().int(),
  override: z.boolean().optional(),
});

// POST {action, maxAge, override?}: a new policy version in enforce / testing / none (admins).
export const POST = withUser<Params>("admin", async (req, user, { name }) => {
  const body = ModeChangeBody.safeParse(await req.json().catch(() => null));
  if (!body.success)
    return NextResponse.json(
      { error: "Send action (enforce, rollback or removal) and maxAge." },
      { status: 400 },
    );
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  const r = await changeMode(db, domain.id, body.data, { userId: user.id, email: user.email });
  if (!r.ok) return NextResponse.json({ error: r.error }, { status: 409 });
  return NextResponse.json(
    { policyId: r.value.policyId, mode: r.value.mode, maxAge: r.value.maxAge },
    { status: 201 },
  );
});
