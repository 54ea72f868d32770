"use client";

import { UserMinus } from "lucide-react";
import { AlertDialog } from "radix-ui";
import { useState, useTransition } from "react";
import { removeUserAction } from "@/app/(dashboard)/users/actions";
import { Button } from "@/components/ui/button";

export function RemoveUserButton({ id, email }: { id: string; email: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <AlertDialog.Root onOpenChange={() => setError(null)}>
      <AlertDialog.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Remove ${email}`}>
          <UserMinus aria-hidden />
          Remove
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-40 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold">Remove {email}?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            They can no longer sign in, and any session they have open ends at its next request. The
            audit log keeps what they did.
          </AlertDialog.Description>
          {error ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            <Button
              variant="danger"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await removeUserAction(id);
                  if (r.error) setError(r.error);
                })
              }
            >
              {pending ? "Removing…" : "Remove user"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
