"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { useSetLocale } from "@/lib/query/account-mutations";

/** The user's UI language; "browser" stores null (follow Accept-Language). */
export function LanguageSelect({ current }: { current: Locale | null }) {
  const t = useTranslations("account");
  const [value, setValue] = useState<string>(current ?? "browser");
  const save = useSetLocale();
  return (
    <div className="space-y-1">
      <label htmlFor="locale" className="block text-sm font-medium text-slate-700">
        {t("language")}
      </label>
      <select
        id="locale"
        value={value}
        disabled={save.isPending}
        className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
        onChange={(e) => {
          const next = e.target.value;
          const previous = value;
          setValue(next);
          save.mutate(isLocale(next) ? next : null, { onError: () => setValue(previous) });
        }}
      >
        <option value="browser">{t("browser")}</option>
        <option value="en" lang="en">
          English
        </option>
        <option value="de" lang="de">
          Deutsch
        </option>
      </select>
      {save.error ? (
        <p role="alert" className="text-sm text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </div>
  );
}
