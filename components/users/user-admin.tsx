import { Card, CardHeader } from "@/components/ui/card";
import type { UserRecord } from "@/lib/db/users/users";
import { InviteUserForm } from "./invite-user-form";
import { RoleSelect } from "./role-select";

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
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">
                  Name
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Email
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Role
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  Added
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="px-5 py-2.5 font-medium">
                    {u.name}
                    {u.id === meId ? (
                      <span className="ml-1 text-xs text-slate-500">(you)</span>
                    ) : null}
                  </td>
                  <td className="px-5 py-2.5">{u.email}</td>
                  <td className="px-5 py-2.5">
                    <RoleSelect userId={u.id} role={u.role} label={`Role of ${u.email}`} />
                  </td>
                  <td className="px-5 py-2.5 text-slate-500">
                    {u.createdAt.toISOString().slice(0, 10)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
