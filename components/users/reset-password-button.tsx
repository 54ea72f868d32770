"use client";

import { KeyRound } from "lucide-react";
import { Dialog } from "radix-ui";
import { useActionState } from "react";
import { resetPasswordAction, type ResetState } from "@/app/(dashboard)/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/input";

export function ResetPasswordButton({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ResetState, FormData>(resetPasswordAction, {});
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Reset the password of ${email}`}>
          <KeyRound aria-hidden />
          Reset password
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
          <form action={action} className="mt-4 space-y-4">
            <input type="hidden" name="email" value={email} />
            <TextField
              label="New password"
              id={`reset-${email}`}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              hint="At least 10 characters."
            />
            {state.error ? <Alert tone="bad">{state.error}</Alert> : null}
            {state.done ? <Alert tone="good">{state.done}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">Close</Button>
              </Dialog.Close>
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Set new password"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
