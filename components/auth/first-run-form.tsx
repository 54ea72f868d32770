"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formFields } from "@/components/ui/form-fields";
import { TextField } from "@/components/ui/input";
import { useCreateFirstAdmin } from "@/lib/query/admin-mutations";

export function FirstRunForm() {
  const t = useTranslations("auth.firstRun");
  const create = useCreateFirstAdmin();
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <form
        className="mt-5 space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = formFields(e.currentTarget);
          create.mutate({
            setupCode: f.setupCode ?? "",
            name: f.name ?? "",
            email: f.email ?? "",
            password: f.password ?? "",
          });
        }}
      >
        <TextField
          label={t("setupCode")}
          id="setupCode"
          name="setupCode"
          autoComplete="off"
          spellCheck={false}
          required
          hint={t("setupCodeHint")}
        />
        <TextField label={t("name")} id="name" name="name" autoComplete="name" required />
        <TextField
          label={t("email")}
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
        />
        <TextField
          label={t("password")}
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("passwordHint")}
        />
        {create.error ? <Alert tone="bad">{create.error.message}</Alert> : null}
        <Button type="submit" className="w-full" disabled={create.isPending || create.isSuccess}>
          {create.isPending || create.isSuccess ? t("pending") : t("submit")}
        </Button>
      </form>
    </Card>
  );
}
