import { createAlertChannels, type AlertChannels } from "@/lib/alerts/channels";
import { alertSmtp } from "@/lib/config/alert-env";
import { APP_VERSION } from "@/lib/config/app-version";
import { logger } from "@/lib/log";

// This process's channels, from its settings: SMTP (or none) and the webhook client.

let warned = false;

export function alertChannelsFromEnv(): AlertChannels {
  const smtp = alertSmtp();
  if (!smtp.ok && !warned) {
    warned = true;
    logger.error({ problem: smtp.error }, "alert e-mail is misconfigured");
  }
  return createAlertChannels({
    smtp: smtp.ok ? smtp.value : null,
    timeoutMs: 10_000,
    userAgent: `STS-Rollout/${APP_VERSION}`,
  });
}
