import type { Metadata } from "next";
import { UserAdmin } from "@/components/users/user-admin";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listUsers } from "@/lib/db/users/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser("admin");
  const users = await listUsers(await getDb());
  return <UserAdmin users={users} meId={me.id} />;
}
