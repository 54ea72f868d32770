"use client";

import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { formFields } from "@/components/ui/form-fields";
import { Label, TextField } from "@/components/ui/input";
import { useInviteUser } from "@/lib/query/admin-mutations";

export function InviteUserForm() {
  const t = useTranslations("users.invite");
  const invite = useInviteUser();
  return (
    <Card>
      <CardHeader title={t("title")} description={t("hint")} />
      <form
        className="grid gap-4 px-5 py-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const f = formFields(form);
          // What was typed stays after an error so it can be corrected; a success clears it.
          invite.mutate(
            {
              name: f.name ?? "",
              email: f.email ?? "",
              role: f.role ?? "",
              password: f.password ?? "",
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <TextField label={t("name")} id="invite-name" name="name" required />
        <TextField label={t("email")} id="invite-email" name="email" type="email" required />
        <TextField
          label={t("password")}
          id="invite-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
        />
        <div className="space-y-1.5">
          <Label htmlFor="invite-role">{t("role")}</Label>
          <select
            id="invite-role"
            name="role"
            defaultValue="viewer"
            className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="viewer">{t("viewer")}</option>
            <option value="admin">{t("admin")}</option>
          </select>
        </div>
        <div className="sm:col-span-2 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={invite.isPending}>
            <UserPlus aria-hidden />
            {invite.isPending ? t("pending") : t("submit")}
          </Button>
          {invite.error ? <Alert tone="bad">{invite.error.message}</Alert> : null}
          {invite.data ? (
            <Alert tone="good">{t("done", { email: invite.data.email })}</Alert>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
