import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import {
  createPolicyVersion,
  currentPolicyVersion,
  listPolicyVersions,
} from "@/lib/db/policies/policies";
import { withUser } from "@/lib/http/handler";
import { formatPolicy } from "@/lib/mta-sts/policy-format";

type Params = { name: string };

const PolicyDraftSchema = z.object({
  mode: z.enum(["testing", "enforce", "none"]),
  maxAge: z.number().int().min(0),
  mx: z.array(z.string().trim().min(1)).max(100),
});

export const GET = withUser<Params>("viewer", async (_req, _user, { name }) => {
  const db = await getDb();
  const d = await findDomainByName(db, decodeURIComponent(name));
  if (!d) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  return NextResponse.json({ versions: await listPolicyVersions(db, d.id) });
});

/** Save a new immutable version (STS-OPS-2: every change gets a new id). */
export const POST = withUser<Params>("admin", async (req, user, { name }) => {
  const db = await getDb();
  const d = await findDomainByName(db, decodeURIComponent(name));
  if (!d) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  const parsed = PolicyDraftSchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    return NextResponse.json(
      { error: "Give a mode, a max_age and the mx patterns." },
      { status: 400 },
    );
  }
  const current = await currentPolicyVersion(db, d.id);
  const body = formatPolicy(parsed.data);
  if (current && body.ok && body.value === current.body) {
    return NextResponse.json(
      { error: `This is exactly version ${current.policyId}, already current: nothing to save.` },
      { status: 409 },
    );
  }
  const r = await createPolicyVersion(db, d.id, parsed.data, current ? "edit" : "create", {
    userId: user.id,
    email: user.email,
  });
  if (!r.ok) return NextResponse.json({ error: r.error }, { status: 400 });
  return NextResponse.json(r.value, { status: 201 });
});
