"use client";

import { useTranslations } from "next-intl";
import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
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
  return (
    <AlertDialog.Root onOpenChange={() => removal.reset()}>
      <AlertDialog.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("label", { name: props.name })}>
          {props.icon}
          {t("trigger")}
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-40 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
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
