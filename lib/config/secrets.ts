import "server-only";
import { z } from "zod";
import { SettingsError } from "./settings";

// The secrets, read from the environment in this one module, which only server code can
// import (`server-only`): NEXTAUTH_SECRET signs the session cookies (next-auth also reads it
// itself); STS_SECRET, else NEXTAUTH_SECRET, is the key material for sealing stored IMAP
// passwords (lib/crypto/seal.ts); STS_METRICS_TOKEN is the bearer token GET /api/metrics
// asks for (unset: the endpoint answers 404). STS_SMTP_URL (it may hold the password) and
// STS_SMTP_PASS are alert e-mail's SMTP credentials (lib/config/smtp.ts).

const secret = z
  .string()
  .optional()
  .transform((v) => v || undefined);

/** A bearer token (RFC 6750 b64token) long enough not to be guessed through the rate limit. */
const bearerToken = secret.refine((v) => v === undefined || /^[A-Za-z0-9\-._~+/]{16,}=*$/.test(v), {
  message:
    "must be at least 16 characters of A-Z a-z 0-9 - . _ ~ + / (a bearer token, e.g. from openssl rand -hex 32)",
});

const schema = z.object({
  NEXTAUTH_SECRET: secret,
  STS_SECRET: secret,
  STS_METRICS_TOKEN: bearerToken,
  STS_SMTP_URL: secret,
  STS_SMTP_PASS: secret,
});

export type Secrets = z.infer<typeof schema>;

/** Parses an environment's secrets; a problem names the variable, never its value. */
export function parseSecrets(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Secrets {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  throw new SettingsError(`Invalid settings in the environment:\n  ${lines.join("\n  ")}`);
}

let cached: Secrets | undefined;

/** The process's secrets, parsed once. */
export function secrets(): Secrets {
  cached ??= parseSecrets();
  return cached;
}
