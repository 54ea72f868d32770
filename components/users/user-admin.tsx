import { useLocale, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatUtcDay } from "@/lib/core/format-date";
import type { UserRecord } from "@/lib/db/users/users";
import { InviteUserForm } from "./invite-user-form";
import { RemoveUserButton } from "./remove-user-button";
import { ResetPasswordButton } from "./reset-password-button";
import { RoleSelect } from "./role-select";

export function UserAdmin({ users, meId }: { users: UserRecord[]; meId: string }) {
  const t = useTranslations("users");
  const locale = useLocale();
  const columns = [
    { label: t("colName") },
    { label: t("colEmail") },
    { label: t("colRole") },
    { label: t("colAdded") },
    { label: t("colActions") },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <InviteUserForm />
      <Card>
        <CardHeader title={t("count", { count: users.length })} />
        <DataTable columns={columns}>
          {users.map((u) => (
            <tr key={u.id}>
              <td className="px-5 py-2.5 font-medium">
                {u.name}
                {u.id === meId ? (
                  <span className="ml-1 text-xs text-slate-500">{t("you")}</span>
                ) : null}
              </td>
              <td className="px-5 py-2.5">{u.email}</td>
              <td className="px-5 py-2.5">
                <RoleSelect userId={u.id} role={u.role} label={t("roleOf", { email: u.email })} />
              </td>
              <td className="px-5 py-2.5 text-slate-500">{formatUtcDay(u.createdAt, locale)}</td>
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
