"use client";

import { useState, useTransition } from "react";
import { setRoleAction } from "@/app/(dashboard)/users/actions";

export function RoleSelect({
  userId,
  role,
  label,
}: {
  userId: string;
  role: string;
  label: string;
}) {
  const [value, setValue] = useState(role);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div>
      <select
        aria-label={label}
        value={value}
        disabled={pending}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
        onChange={(e) => {
          const next = e.target.value;
          const previous = value;
          setValue(next);
          setError(null);
          start(async () => {
            const r = await setRoleAction(userId, next);
            if (r.error) {
              setValue(previous);
              setError(r.error);
            }
          });
        }}
      >
        <option value="admin">admin</option>
        <option value="viewer">viewer</option>
      </select>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
