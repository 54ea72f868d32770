"use client";

import { AlertDialog } from "radix-ui";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ModeAction } from "@/lib/readiness/mode-change";

const TEXT = {
  enforce: { button: "enforceButton", title: "enforceTitle", confirm: "enforceConfirm" },
  rollback: { button: "rollbackButton", title: "rollbackTitle", confirm: "rollbackConfirm" },
  removal: { button: "removalButton", title: "removalTitle", confirm: "removalConfirm" },
} as const satisfies Record<ModeAction, Record<"button" | "title" | "confirm", string>>;

export function ModeDialog({
  action,
  consequences,
  defaultMaxAge,
  maxAgeNote,
  unmet,
  pending,
  error,
  onConfirm,
}: {
  action: ModeAction;
  consequences: string[];
  defaultMaxAge: number;
  maxAgeNote: string;
  /** READY criteria not met (enforce only): the admin must accept the risk. */
  unmet: string[];
  pending: boolean;
  error: string | null;
  onConfirm: (maxAge: number, override: boolean) => void;
}) {
  const [maxAge, setMaxAge] = useState(String(defaultMaxAge));
  const [accept, setAccept] = useState(false);
  const tr = useTranslations("enforce.dialog");
  const t = TEXT[action];
  const blocked = unmet.length > 0 && !accept;
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button variant={action === "enforce" ? "primary" : "secondary"}>{tr(t.button)}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-40 w-[min(92vw,34rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold">{tr(t.title)}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
              {consequences.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </AlertDialog.Description>
          <label className="mt-4 block text-sm font-medium">
            {tr("maxAge")}
            <input
              type="number"
              min={1}
              value={maxAge}
              onChange={(e) => setMaxAge(e.target.value)}
              className="mt-1 block w-40 rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <p className="mt-1 text-xs text-slate-600">{maxAgeNote}</p>
          {unmet.length > 0 ? (
            <label className="mt-3 flex gap-2 text-sm text-red-800">
              <input
                type="checkbox"
                checked={accept}
                onChange={(e) => setAccept(e.target.checked)}
              />
              {tr("accept", { names: unmet.join("; "), count: unmet.length })}
            </label>
          ) : null}
          {error ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{tr("cancel")}</Button>
            </AlertDialog.Cancel>
            <Button
              variant={action === "enforce" ? "danger" : "primary"}
              disabled={pending || blocked}
              onClick={() => onConfirm(Number(maxAge), accept)}
            >
              {pending ? tr("saving") : tr(t.confirm)}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
