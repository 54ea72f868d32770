"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/input";
import { useResetPassword } from "@/lib/query/admin-mutations";

export function ResetPasswordButton({ id, email }: { id: string; email: string }) {
  const reset = useResetPassword(id);
  const t = useTranslations("users.reset");
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("label", { email })}>
          <KeyRound aria-hidden />
          {/* The visible text is part of the name (WCAG 2.5.3 label in name). */}
          {t("trigger")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-40 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="text-base font-semibold">{t("title", { email })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600">
            {t("description")}
          </Dialog.Description>
          <form
            className="mt-4 space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const password = String(new FormData(form).get("password") ?? "");
              reset.mutate(password, { onSuccess: () => form.reset() });
            }}
          >
            <TextField
              label={t("password")}
              id={`reset-${email}`}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              hint={t("hint")}
            />
            {reset.error ? <Alert tone="bad">{reset.error.message}</Alert> : null}
            {reset.data ? <Alert tone="good">{reset.data.message}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">{t("close")}</Button>
              </Dialog.Close>
              <Button type="submit" disabled={reset.isPending}>
                {reset.isPending ? t("saving") : t("submit")}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
