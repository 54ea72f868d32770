"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSetUserRole } from "@/lib/query/admin-mutations";

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
  const change = useSetUserRole(userId);
  const t = useTranslations("users.roles");
  return (
    <div>
      <select
        aria-label={label}
        value={value}
        disabled={change.isPending}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
        onChange={(e) => {
          const next = e.target.value;
          const previous = value;
          setValue(next);
          // Refused (the last admin, a removed user): the select shows the role kept.
          change.mutate(next, { onError: () => setValue(previous) });
        }}
      >
        <option value="admin">{t("admin")}</option>
        <option value="viewer">{t("viewer")}</option>
      </select>
      {change.error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {change.error.message}
        </p>
      ) : null}
    </div>
  );
}
