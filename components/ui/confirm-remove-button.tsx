"use client";

import { useTranslations } from "next-intl";
import { AlertDialog } from "radix-ui";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** What the dialog needs of a removal: a mutation from lib/query (useRemoveDomain, …). */
export interface Removal {
  mutate: () => void;
  reset: () => void;
  isPending: boolean;
  error: Error | null;
}

// The one "Remove …?" confirmation: a ghost trigger, a dialog that says what removing does,
// and a danger button that runs the removal and shows the route's error in the dialog.
// The dialog's tree is rendered once the button is pressed: a list shows one button a row
// (50 on a page of the domain list), and each closed dialog cost its render on the server
// (issue 14, bench:watch). The button announces the dialog it opens either way.
export function ConfirmRemoveButton(props: {
  /** What is removed, as the dialog names it ("example.com", "ann@example.com"). */
  name: string;
  icon: ReactNode;
  /** The danger button's text, e.g. "Remove domain". */
  confirmLabel: string;
  children: ReactNode;
  removal: Removal;
}) {
  const { removal } = props;
  const t = useTranslations("ui.remove");
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // The button is rendered anew when the dialog closes (it leaves the dialog's tree): the
  // focus goes back to it here, where Radix would give it to the one that is gone.
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [open]);
  const trigger = (
    <Button
      ref={button}
      variant="ghost"
      size="sm"
      aria-label={t("label", { name: props.name })}
      aria-haspopup="dialog"
      onClick={open ? undefined : () => setOpen(true)}
    >
      {props.icon}
      {t("trigger")}
    </Button>
  );
  if (!open) return trigger;
  return (
    <AlertDialog.Root
      open
      onOpenChange={(now) => {
        if (now) return;
        removal.reset();
        refocus.current = true;
        setOpen(false);
      }}
    >
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <AlertDialog.Content
          className="fixed left-1/2 top-1/2 z-40 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl"
          onCloseAutoFocus={(e) => e.preventDefault()}
        >
          <AlertDialog.Title className="text-base font-semibold">
            {t("title", { name: props.name })}
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">
            {props.children}
          </AlertDialog.Description>
          {removal.error ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {removal.error.message}
            </p>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{t("cancel")}</Button>
            </AlertDialog.Cancel>
            <Button variant="danger" disabled={removal.isPending} onClick={() => removal.mutate()}>
              {removal.isPending ? t("pending") : props.confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
