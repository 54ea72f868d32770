import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { changeMode } from "@/lib/db/readiness/change-mode";
import { getEnforceState } from "@/lib/db/readiness/get-enforce-state";
import { fail, failed } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";

// GET: served policy, READY-1..7 with evidence, proposed max_age, removal timeline (viewer+).
export const GET = withDomain("viewer", async (_req, _user, domain) =>
  NextResponse.json(await getEnforceState(await getDb(), domain)),
);

const ModeChangeBody = z.object({
  action: z.enum(["enforce", "rollback", "removal"]),
  maxAge: z.number().int(),
  override: z.boolean().optional(),
});

// POST {action, maxAge, override?}: a new policy version in enforce / testing / none (admins).
export const POST = withDomain("admin", async (req, user, domain) => {
  const body = ModeChangeBody.safeParse(await req.json().catch(() => null));
  if (!body.success)
    return fail("invalid", "Send action (enforce, rollback or removal) and maxAge.", {
      key: "enforceBody",
    });
  const r = await changeMode(await getDb(), domain.id, body.data, {
    userId: user.id,
    email: user.email,
  });
  if (!r.ok) return failed(r.error);
  return NextResponse.json(
    { policyId: r.value.policyId, mode: r.value.mode, maxAge: r.value.maxAge },
    { status: 201 },
  );
});
