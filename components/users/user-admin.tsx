import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { UserRecord } from "@/lib/db/users/users";
import { InviteUserForm } from "./invite-user-form";
import { RemoveUserButton } from "./remove-user-button";
import { ResetPasswordButton } from "./reset-password-button";
import { RoleSelect } from "./role-select";

const USER_COLUMNS = [
  { label: "Name" },
  { label: "Email" },
  { label: "Role" },
  { label: "Added" },
  { label: "Actions" },
];

export function UserAdmin({ users, meId }: { users: UserRecord[]; meId: string }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Admins change policies and domains; viewers read everything and change nothing.
        </p>
      </div>
      <InviteUserForm />
      <Card>
        <CardHeader title={`${users.length} ${users.length === 1 ? "user" : "users"}`} />
        <DataTable columns={USER_COLUMNS}>
          {users.map((u) => (
            <tr key={u.id}>
              <td className="px-5 py-2.5 font-medium">
                {u.name}
                {u.id === meId ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
              </td>
              <td className="px-5 py-2.5">{u.email}</td>
              <td className="px-5 py-2.5">
                <RoleSelect userId={u.id} role={u.role} label={`Role of ${u.email}`} />
              </td>
              <td className="px-5 py-2.5 text-slate-500">
                {u.createdAt.toISOString().slice(0, 10)}
              </td>
              <td className="px-5 py-2.5">
                <div className="flex gap-1">
                  <ResetPasswordButton id={u.id} email={u.email} />
                  {u.id === meId ? null : <RemoveUserButton id={u.id} email={u.email} />}
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}
