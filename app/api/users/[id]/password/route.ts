import { NextResponse } from "next/server";
import { z } from "zod";
import { hashPassword, passwordRule } from "@/lib/auth/password";
import { recordAudit } from "@/lib/db/audit/audit";
import { getDb } from "@/lib/db/client";
import { findUserById, setUserPassword, USER_GONE } from "@/lib/db/users/users";
import { fail, failed } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";

// PUT {"password"}: an admin sets a new password for a user; every session that user has
// open ends at its next request.

type Params = { id: string };
const Body = z.object({ password: z.string() });

export const PUT = withUser<Params>("admin", async (req, user, { id }) => {
  const body = Body.safeParse(await req.json().catch(() => null));
  if (!body.success)
    return fail("invalid", 'Send JSON like {"password": "…"}.', { key: "passwordBody" });
  const problem = passwordRule(body.data.password);
  if (problem) return fail("invalid", problem.message, problem.ref);
  const db = await getDb();
  const target = await findUserById(db, id);
  if (!target) return fail("not-found", "That user no longer exists.", USER_GONE);
  const r = await setUserPassword(db, target.email, await hashPassword(body.data.password));
  if (!r.ok) return failed(r.error);
  await recordAudit(db, {
    userId: user.id,
    actor: user.email,
    action: "user.reset-password",
    details: { email: r.value.email },
  });
  return NextResponse.json({
    message: `New password set for ${r.value.email}. Their open sessions have ended.`,
  });
});
