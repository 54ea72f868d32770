import { createTranslator } from "use-intl/core";
import type { AlertKind, AlertSeverity } from "@/lib/alerts/kinds";
import { formatUtcSecond, localizeDates } from "@/lib/core/format-date";
import { ENGLISH_WORDING, type AlertWording } from "@/lib/alerts/payloads";
import type { AlertTextRefs } from "@/lib/alerts/text-refs";
import type { Locale } from "@/lib/i18n/locale";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { MESSAGES } from "@/lib/i18n/messages";

// Alert messages in the domain's alert language (AlertSettings.locale, issue 16 §6). They go
// to recipients, not to a signed-in session, so there is no request locale: the delivery
// job translates here with next-intl's core translator (use-intl/core: no React, no Next,
// so it runs in the job runner and in tests), and lib/alerts/payloads.ts receives the
// wording and the translated texts. English is lib's own text, unchanged (the webhook
// contract and the tests pin it). Dates read as the UI shows them in that language
// (lib/core/format-date.ts); the webhook's machine timestamp stays ISO.

type Translate = (key: string, params?: MessageRef["params"]) => string;

function translator(locale: Locale, namespace: AlertTextRefs["namespace"]): Translate {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace,
    // A missing key or a bad parameter throws (alertTexts falls back to the English) rather
    // than sending the key's name to a recipient.
    onError: (error) => {
      throw error;
    },
  });
  return (key, params) => (t as unknown as Translate)(key, params);
}

export function alertWording(locale: Locale): AlertWording {
  if (locale === "en") return ENGLISH_WORDING;
  const t = translator(locale, "alertText");
  return {
    subject: (domain, title) => t("subject", { domain, title }),
    domain: (domain) => t("domain", { domain }),
    alert: (kind: AlertKind, severity: AlertSeverity) =>
      t("alert", { kind, label: t(`kinds.${kind}`), severity }),
    about: (subject) => t("about", { subject }),
    raised: (at) => t("raised", { at: formatUtcSecond(at, locale) }),
    whatToDo: (fix) => t("whatToDo", { fix }),
    footer: (domain) => t("footer", { domain }),
  };
}

export interface AlertTexts {
  title: string;
  detail: string;
  fix: string;
}

/** The refs in a language; throws when a key is missing or a parameter is wrong. */
export function translateRefs(locale: Locale, refs: AlertTextRefs): AlertTexts {
  const t = translator(locale, refs.namespace);
  return {
    title: t(refs.title.key, localizeDates(refs.title.params, locale)),
    detail: t(refs.detail.key, localizeDates(refs.detail.params, locale)),
    fix: t(refs.fix.key, localizeDates(refs.fix.params, locale)),
  };
}

/** The alert's own texts in the locale: from its refs, else the stored English. */
export function alertTexts(
  locale: Locale,
  english: AlertTexts,
  refs: AlertTextRefs | null,
): AlertTexts {
  if (locale === "en" || refs === null) return english;
  try {
    return translateRefs(locale, refs);
  } catch {
    // A key from an older version that is gone: the English text is still right.
    return english;
  }
}
