"use client";

import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ModeAction } from "@/lib/readiness/mode-change";
import { overrideLabel } from "@/lib/readiness/override-label";

const TEXT: Record<ModeAction, { button: string; title: string; confirm: string }> = {
  enforce: {
    button: "Switch to enforce",
    title: "Switch to enforce?",
    confirm: "Switch to enforce",
  },
  rollback: {
    button: "Roll back to testing",
    title: "Roll back to testing?",
    confirm: "Roll back",
  },
  removal: {
    button: "Start removal (mode: none)",
    title: "Serve mode: none?",
    confirm: "Serve mode: none",
  },
};

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
  const t = TEXT[action];
  const blocked = unmet.length > 0 && !accept;
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button variant={action === "enforce" ? "primary" : "secondary"}>{t.button}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-30 bg-slate-900/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-40 w-[min(92vw,34rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold">{t.title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
              {consequences.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </AlertDialog.Description>
          <label className="mt-4 block text-sm font-medium">
            max_age (seconds)
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
              {overrideLabel(unmet)}
            </label>
          ) : null}
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
              variant={action === "enforce" ? "danger" : "primary"}
              disabled={pending || blocked}
              onClick={() => onConfirm(Number(maxAge), accept)}
            >
              {pending ? "Saving…" : t.confirm}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
