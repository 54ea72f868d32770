"use client";

import { Trash2 } from "lucide-react";
import { AlertDialog } from "radix-ui";
import { useState, useTransition } from "react";
import { removeDomainAction } from "@/app/(dashboard)/domains/actions";
import { Button } from "@/components/ui/button";

export function RemoveDomainButton({ id, name }: { id: string; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Remove ${name}`}>
          <Trash2 aria-hidden />
          Remove
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-40 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold">Remove {name}?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            STS Rollout stops tracking this domain. Its DNS records and any published policy are not
            touched: remove those yourself, in the safe order, if you mean to stop using MTA-STS.
          </AlertDialog.Description>
          {error ? <p className="mt-2 text-sm text-red-700">{error}</p> : null}
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            <Button
              variant="danger"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await removeDomainAction(id);
                  if (r.error) setError(r.error);
                })
              }
            >
              {pending ? "Removing…" : "Remove domain"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
