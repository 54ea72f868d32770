import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit/audit";
import { getDb } from "@/lib/db/client";
import { removeUser, setUserRole } from "@/lib/db/users/users";
import { fail, failed } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";

// The users page: change a role (PATCH {"role"}), remove a user (DELETE). A changed role or
// a removal ends the user's open sessions at their next request.

type Params = { id: string };
const RoleBody = z.object({ role: z.enum(["admin", "viewer"]) });

export const PATCH = withUser<Params>("admin", async (req, user, { id }) => {
  const body = RoleBody.safeParse(await req.json().catch(() => null));
  if (!body.success) return fail("invalid", "Unknown role.", { key: "unknownRole" });
  const db = await getDb();
  const r = await setUserRole(db, id, body.data.role);
  if (!r.ok) return failed(r.error);
  await recordAudit(db, {
    userId: user.id,
    actor: user.email,
    action: "user.role",
    details: { email: r.value.email, role: body.data.role },
  });
  return NextResponse.json({ email: r.value.email, role: r.value.role });
});

/** Never yourself, never the last admin (lib/db/users/users.ts). */
export const DELETE = withUser<Params>("admin", async (_req, user, { id }) => {
  const db = await getDb();
  const r = await removeUser(db, { userId: user.id }, id);
  if (!r.ok) return failed(r.error);
  await recordAudit(db, {
    userId: user.id,
    actor: user.email,
    action: "user.remove",
    details: { email: r.value.email, role: r.value.role },
  });
  return new NextResponse(null, { status: 204 });
});
