import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import {
  savePolicyVersion,
  currentPolicyVersion,
  listPolicyVersions,
} from "@/lib/db/policies/policies";
import { fail, failed } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";
import { formatPolicy } from "@/lib/mta-sts/policy-format";

const PolicyDraftSchema = z.object({
  mode: z.enum(["testing", "enforce", "none"]),
  maxAge: z.number().int().min(0),
  mx: z.array(z.string().trim().min(1)).max(100),
});

export const GET = withDomain("viewer", async (_req, _user, domain) =>
  NextResponse.json({ versions: await listPolicyVersions(await getDb(), domain.id) }),
);

/** Save a new immutable version (STS-OPS-2: every change gets a new id). */
export const POST = withDomain("admin", async (req, user, domain) => {
  const parsed = PolicyDraftSchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success)
    return fail("invalid", "Give a mode, a max_age and the mx patterns.", { key: "policyBody" });
  const db = await getDb();
  const current = await currentPolicyVersion(db, domain.id);
  const body = formatPolicy(parsed.data);
  if (current && body.ok && body.value === current.body) {
    return fail(
      "conflict",
      `This is exactly version ${current.policyId}, already current: nothing to save.`,
      { key: "policyUnchanged", params: { id: current.policyId } },
    );
  }
  const r = await savePolicyVersion(db, domain.id, parsed.data, current ? "edit" : "create", {
    userId: user.id,
    email: user.email,
  });
  if (!r.ok) return failed(r.error);
  return NextResponse.json(r.value, { status: 201 });
});
