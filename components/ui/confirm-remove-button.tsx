"use client";

import { AlertDialog } from "radix-ui";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

// The one "Remove …?" confirmation: a ghost trigger, a dialog that says what removing does,
// and a danger button that runs the server action and shows its error in the dialog.
export function ConfirmRemoveButton(props: {
  /** What is removed, as the dialog names it ("example.com", "ann@example.com"). */
  name: string;
  icon: ReactNode;
  /** The danger button's text, e.g. "Remove domain". */
  confirmLabel: string;
  children: ReactNode;
  remove: () => Promise<{ error?: string | null }>;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <AlertDialog.Root onOpenChange={() => setError(null)}>
      <AlertDialog.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Remove ${props.name}`}>
          {props.icon}
          Remove
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-40 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold">
            Remove {props.name}?
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {props.children}
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
                  const r = await props.remove();
                  if (r.error) setError(r.error);
                })
              }
            >
              {pending ? "Removing…" : props.confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
