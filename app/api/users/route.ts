import { NextResponse } from "next/server";
import { parseInvite } from "@/lib/auth/invite-input";
import { hashPassword, passwordRule } from "@/lib/auth/password";
import { recordAudit } from "@/lib/db/audit/audit";
import { getDb } from "@/lib/db/client";
import { createUser, listUsers } from "@/lib/db/users/users";
import { fail, failed } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";

export const GET = withUser("admin", async () => {
  const users = await listUsers(await getDb());
  return NextResponse.json({
    users: users.map((u) => ({
      email: u.email,
      name: u.name,
      role: u.role,
      createdAt: u.createdAt,
    })),
  });
});

export const POST = withUser("admin", async (req, user) => {
  const body = parseInvite(await req.json().catch(() => null));
  if (!body.ok) return failed(body.error);
  const problem = passwordRule(body.value.password);
  if (problem) return fail("invalid", problem.message, problem.ref);
  const db = await getDb();
  const { password, ...rest } = body.value;
  const created = await createUser(db, { ...rest, passwordHash: await hashPassword(password) });
  if (!created.ok) return failed(created.error);
  await recordAudit(db, {
    userId: user.id,
    actor: user.email,
    action: "user.invite",
    details: { email: created.value.email, role: created.value.role },
  });
  return NextResponse.json(
    { email: created.value.email, role: created.value.role },
    { status: 201 },
  );
});
