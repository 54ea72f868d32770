import { NextResponse } from "next/server";
import { z } from "zod";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { recordAudit } from "@/lib/db/audit/audit";
import { getDb } from "@/lib/db/client";
import { createUser, listUsers } from "@/lib/db/users/users";
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

const Invite = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(100),
  role: z.enum(["admin", "viewer"]),
  password: z.string(),
});

export const POST = withUser("admin", async (req, user) => {
  const body = Invite.safeParse(await req.json().catch(() => null));
  if (!body.success) {
    return NextResponse.json(
      { error: 'Send JSON like {"email", "name", "role": "admin"|"viewer", "password"}.' },
      { status: 400 },
    );
  }
  const problem = passwordProblem(body.data.password);
  if (problem) return NextResponse.json({ error: problem }, { status: 400 });
  const db = await getDb();
  const { password, ...rest } = body.data;
  const created = await createUser(db, { ...rest, passwordHash: await hashPassword(password) });
  if (!created.ok) return NextResponse.json({ error: created.error }, { status: 409 });
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
