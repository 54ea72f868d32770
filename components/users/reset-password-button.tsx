"use client";

import { KeyRound } from "lucide-react";
import { Dialog } from "radix-ui";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/input";
import { useResetPassword } from "@/lib/query/admin-mutations";

export function ResetPasswordButton({ id, email }: { id: string; email: string }) {
  const reset = useResetPassword(id);
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Reset the password of ${email}`}>
          <KeyRound aria-hidden />
          {/* The visible text is part of the name (WCAG 2.5.3 label in name). */}
          Reset the password
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-40 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="text-base font-semibold">
            Reset the password of {email}
          </Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600">
            Share the new password with them. Any session they have open ends at its next request.
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
              label="New password"
              id={`reset-${email}`}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              hint="At least 10 characters."
            />
            {reset.error ? <Alert tone="bad">{reset.error.message}</Alert> : null}
            {reset.data ? <Alert tone="good">{reset.data.message}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">Close</Button>
              </Dialog.Close>
              <Button type="submit" disabled={reset.isPending}>
                {reset.isPending ? "Saving…" : "Set new password"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
