import { z } from "zod";

// The one place operator settings are read from the environment and validated. A bad
// value stops the app at start with a message naming the variable (see settings()).
// Add a setting here, with its default, and to the README's configuration table.

const flag = z
  .enum(["0", "1", "true", "false"])
  .default("0")
  .transform((v) => v === "1" || v === "true");

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  /** Trust X-Forwarded-For from the proxies in STS_TRUSTED_PROXIES. */
  STS_TRUST_PROXY: flag,
  /** Requests per source the report endpoint takes at once, and refills per second. */
  STS_RATE_BURST: positiveInt(60),
  STS_RATE_PER_SECOND: z.coerce.number().positive().default(1),
  /** READY-1/2: a checker run older than this many hours no longer counts. */
  STS_CHECK_MAX_AGE_HOURS: positiveInt(24),
  /** Labs only: lets mailbox accounts use IMAP without TLS or STARTTLS (password in clear). */
  STS_ALLOW_PLAIN_IMAP: flag,
});

export type Settings = z.infer<typeof schema>;

export class SettingsError extends Error {}

/** Parses an environment (process.env by default); throws SettingsError naming each bad variable. */
export function parseSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  throw new SettingsError(`Invalid settings in the environment:\n  ${lines.join("\n  ")}`);
}

let cached: Settings | undefined;

/** The process's settings, parsed once. */
export function settings(): Settings {
  cached ??= parseSettings();
  return cached;
}
