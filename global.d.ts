import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

// Typed message keys: a t("…") call with a key that does not exist fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
