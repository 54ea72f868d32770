"use client";

import type { Locale } from "@/lib/i18n/locale";
import type { WebhookFormat } from "@/lib/alerts/payloads";
import type { AlertSettingsView } from "@/lib/db/alerts/alert-settings";
import type { TestOutcome } from "@/lib/db/alerts/send-test-alert";
import { seg } from "./api-fetch";
import { queryKeys } from "./keys";
import { useApiMutation } from "./use-api-mutation";

// The Alerts page's changes (issue 14 §3), each a route under /api/domains/[name]/alerts.

const url = (domain: string, rest = "") => `/api/domains/${seg(domain)}/alerts${rest}`;
const touches = (domain: string) => () => [queryKeys.domain(domain)];

export interface AlertSettingsBody {
  emailEnabled: boolean;
  emailRecipients: string;
  webhookEnabled: boolean;
  webhookUrl: string;
  webhookFormat: WebhookFormat;
  disabledKinds: string[];
  locale?: Locale;
}

export function useSaveAlertSettings(domain: string) {
  return useApiMutation<
    AlertSettingsBody,
    { settings: AlertSettingsView; newSecret: string | null }
  >({
    request: (body) => ({ method: "PUT", url: url(domain), body }),
    invalidates: touches(domain),
  });
}

export function useRegenerateWebhookSecret(domain: string) {
  return useApiMutation<void, { secret: string }>({
    request: () => ({ method: "POST", url: url(domain, "/secret") }),
    invalidates: touches(domain),
  });
}

export function useSendTestAlert(domain: string) {
  return useApiMutation<void, { deliveries: TestOutcome[] }>({
    request: () => ({ method: "POST", url: url(domain, "/test") }),
    invalidates: touches(domain),
    refreshAfterError: true,
  });
}
