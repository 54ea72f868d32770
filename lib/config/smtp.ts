import { err, ok, type Result } from "@/lib/core/diagnostic";

// Where alert e-mail goes out (issue 14 §3): STS_SMTP_URL (smtp://user:pass@host:587 or
// smtps://…:465), or STS_SMTP_HOST/PORT/SECURE/USER with the password in STS_SMTP_PASS;
// STS_SMTP_FROM is the sender either way. The password is read with the secrets
// (lib/config/secrets.ts) and only ever handed to the mail transport.

export interface SmtpConfig {
  transport: {
    host: string;
    port: number;
    /** Implicit TLS (smtps, usually 465); otherwise STARTTLS when the server offers it. */
    secure: boolean;
    auth?: { user: string; pass: string };
  };
  from: string;
}

export interface SmtpEnv {
  STS_SMTP_HOST?: string;
  STS_SMTP_PORT: number;
  STS_SMTP_SECURE: boolean;
  STS_SMTP_USER?: string;
  STS_SMTP_FROM?: string;
  STS_SMTP_URL?: string;
  STS_SMTP_PASS?: string;
}

/** null when e-mail is not configured; an error names the variable (never the password). */
export function smtpConfig(env: SmtpEnv): Result<SmtpConfig | null> {
  if (!env.STS_SMTP_URL && !env.STS_SMTP_HOST) return ok(null);
  if (!env.STS_SMTP_FROM)
    return err("STS_SMTP_FROM: set the sender address alert e-mail comes from.");
  if (env.STS_SMTP_URL) {
    if (!URL.canParse(env.STS_SMTP_URL))
      return err("STS_SMTP_URL: is not a URL (smtp://user:password@host:587).");
    const u = new URL(env.STS_SMTP_URL);
    if (u.protocol !== "smtp:" && u.protocol !== "smtps:")
      return err("STS_SMTP_URL: must start with smtp:// or smtps://.");
    const secure = u.protocol === "smtps:";
    const user = decodeURIComponent(u.username);
    return ok({
      transport: {
        host: u.hostname.replace(/^\[|\]$/g, ""),
        port: u.port ? Number(u.port) : secure ? 465 : 587,
        secure,
        ...(user ? { auth: { user, pass: decodeURIComponent(u.password) } } : {}),
      },
      from: env.STS_SMTP_FROM,
    });
  }
  const host = env.STS_SMTP_HOST ?? "";
  const user = env.STS_SMTP_USER;
  return ok({
    transport: {
      host,
      port: env.STS_SMTP_PORT,
      secure: env.STS_SMTP_SECURE,
      ...(user ? { auth: { user, pass: env.STS_SMTP_PASS ?? "" } } : {}),
    },
    from: env.STS_SMTP_FROM,
  });
}
