import type { MessageRef } from "@/lib/i18n/message-ref";
import { LOCALES } from "@/lib/i18n/locale";

// Body and query refusals written in a route itself, each the English answer and its
// "apiErrors" message (issue 16 §6): the route answers fail(kind, r.message, r.ref).

export interface Refusal {
  message: string;
  ref: MessageRef;
}

export const ACCEPT_REPORTER_BODY: Refusal = {
  message: "Send reporterKey, the reporter to accept.",
  ref: { key: "acceptReporterBody" },
};

export const UNKNOWN_LANGUAGE: Refusal = {
  message: `Unknown language: use one of ${LOCALES.join(", ")}.`,
  ref: { key: "unknownLanguage", params: { languages: LOCALES.join(", ") } },
};

export const HOSTING_CHOICE: Refusal = {
  message: 'Choose "hosted" or "self".',
  ref: { key: "hostingChoice" },
};

export const FAILURES_QUERY: Refusal = {
  message: "Give day (YYYY-MM-DD) and mx.",
  ref: { key: "failuresQuery" },
};
