"use client";

import type { Locale } from "@/lib/i18n/locale";
import { useApiMutation } from "./use-api-mutation";

// The signed-in user's own settings. After success the page re-renders in the new language
// (router.refresh: the request config reads the setting on the next render).

export function useSetLocale() {
  return useApiMutation<Locale | null, { locale: Locale | null }>({
    request: (locale) => ({ method: "PUT", url: "/api/account/locale", body: { locale } }),
  });
}
