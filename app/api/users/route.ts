import { NextResponse } from "next/server";
import { z } from "zod";
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

// The messages are the invite form's: the first problem is shown under it.
const Invite = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(100),
  email: z.email("Enter a valid email address."),
  role: z.enum(["admin", "viewer"], "Choose the role: admin or viewer."),
  password: z.string("Enter a first password."),
});

export const POST = withUser("admin", async (req, user) => {
  const body = Invite.safeParse(await req.json().catch(() => null));
  if (!body.success) {
    const first = body.error.issues[0];
    return fail(
      "invalid",
      first && first.path.length > 0
        ? first.message
        : 'Send JSON like {"email", "name", "role": "admin"|"viewer", "password"}.',
    );
  }
  const problem = passwordRule(body.data.password);
  if (problem) return fail("invalid", problem.message, problem.ref);
  const db = await getDb();
  const { password, ...rest } = body.data;
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
