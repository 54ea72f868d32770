import "server-only";
import type { Result } from "@/lib/core/diagnostic";
import { secrets } from "./secrets";
import { settings } from "./settings";
import { smtpConfig, type SmtpConfig } from "./smtp";

// The alert settings of this process (issue 14 §3), from settings() and secrets().

export function alertSmtp(): Result<SmtpConfig | null> {
  return smtpConfig({ ...settings(), ...secrets() });
}

export function alertRepeatHours(): number {
  return settings().STS_ALERT_REPEAT_HOURS;
}

/** The dashboard's address for links in alerts, when known. */
export function alertLinkBase(): string | undefined {
  return settings().NEXTAUTH_URL?.replace(/\/+$/, "");
}
