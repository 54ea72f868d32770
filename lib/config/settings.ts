import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { parseCidrList, type CidrRange } from "./cidr-list";
import { parseDailyTime } from "@/lib/jobs/schedule";
import { databaseUrlProblem, sqliteSyncProblem } from "./database";

// The one place operator settings are read from the environment and validated. A bad
// value stops the app at start with a message naming the variable (see settings()).
// Add a setting here, with its default, and to the README's configuration table.

const flag = z
  .enum(["0", "1", "true", "false"])
  .default("0")
  .transform((v) => v === "1" || v === "true");

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const cidrList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx): CidrRange[] => {
      const parsed = parseCidrList(text);
      if (parsed.ok) return parsed.ranges;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    });

/** Unset or an absolute http(s) URL; a bad value names the variable at start. */
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || (/^https?:\/\//i.test(v) && URL.canParse(v)), {
    message: "is not an http: or https: URL",
  });

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined);

/** "HH:MM" (UTC) → minute of the day, or "off" → null. */
const dailyTimeOrOff = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((text, ctx): number | null => {
      if (text.toLowerCase() === "off") return null;
      const parsed = parseDailyTime(text);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: `${parsed.error}, or "off"` });
      return z.NEVER;
    });

const schema = z.object({
  /** The engine and where its data is (lib/config/database.ts parses it for lib/db). */
  DATABASE_URL: optionalText.superRefine((v, ctx) => {
    const problem = databaseUrlProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  /** SQLite's synchronous mode, normal or full (lib/config/database.ts parses it for lib/db). */
  STS_SQLITE_SYNC: optionalText.superRefine((v, ctx) => {
    const problem = sqliteSyncProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  /** The dashboard's own address (next-auth's setting; sign-in redirects, setup code link). */
  NEXTAUTH_URL: optionalUrl,
  /** The port the server listens on (scripts/start.sh); the hosted-policy snippets use it. */
  PORT: positiveInt(3000),
  /** This installation's public https: base URL: the rua=https: report endpoint. */
  STS_PUBLIC_URL: optionalUrl,
  /** A mailbox the app reads (IMAP), named in rua=mailto:. */
  STS_RUA_MAILTO: optionalText,
  /** Checker: resolvers to ask instead of the system's, comma-separated host:port. */
  STS_DNS_SERVERS: optionalText.transform((v) =>
    v
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
  ),
  /** Checker: allow private/loopback targets (labs). */
  STS_CHECK_ALLOW_PRIVATE: flag,
  /** Checker: a PEM CA file trusted in addition to the system's (labs). */
  STS_EXTRA_CA_FILE: optionalText.refine((v) => v === undefined || existsSync(v), {
    message: "names no file",
  }),
  /** Checker: POST a zero-session test report to an https rua endpoint (CHK-RPT-6). */
  STS_CHECK_TEST_RUA: flag,
  /** Trust X-Forwarded-For from the proxies in STS_TRUSTED_PROXIES. */
  STS_TRUST_PROXY: flag,
  /** The reverse proxies whose X-Forwarded-For entries are believed (CIDR list). */
  STS_TRUSTED_PROXIES: cidrList("127.0.0.0/8,::1/128"),
  /** Requests per source the report endpoint takes at once, and refills per second. */
  STS_RATE_BURST: positiveInt(60),
  STS_RATE_PER_SECOND: z.coerce.number().positive().default(1),
  /** READY-1/2: a checker run older than this many hours no longer counts. */
  STS_CHECK_MAX_AGE_HOURS: positiveInt(24),
  /** Issue 15: days after a day ends before it is judged without every usual reporter. */
  STS_REPORT_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  /** Labs only: lets mailbox accounts use IMAP without TLS or STARTTLS (password in clear). */
  STS_ALLOW_PLAIN_IMAP: flag,
  /** RPT-DELIV-7: report mail's DKIM key must declare s=tlsrpt (or *); off by default,
   * since large reporters sign with their ordinary mail keys. */
  STS_DKIM_REQUIRE_TLSRPT: flag,
  /** Stops the app from polling the configured IMAP mailboxes on its own. */
  STS_DISABLE_POLLER: flag,
  /** Policy fetches (and Caddy's certificate questions) per source per minute. */
  STS_POLICY_PER_MINUTE: positiveInt(600),
  /** Sign-in requests (POST /api/auth/*) per source per minute; an office behind one
   * address may need more. */
  STS_SIGN_IN_PER_MINUTE: positiveInt(30),
  /** Requests each public endpoint works on at once, per process; more get 503. */
  STS_INFLIGHT_REPORTS: positiveInt(16),
  STS_INFLIGHT_POLICY: positiveInt(64),
  STS_INFLIGHT_TLS_ASK: positiveInt(16),
  /** Days the raw bytes of received inputs are kept; the normalised reports stay. */
  STS_RAW_RETENTION_DAYS: positiveInt(400),
  /** Days refused submissions stay in the rejected list (pruned with the raw inputs). */
  STS_REJECTED_RETENTION_DAYS: positiveInt(90),
  /** Worker threads that read reports and hash passwords (lib/pool); default: the cores. */
  STS_WORKER_THREADS: positiveInt(availableParallelism()),
  /** Milliseconds one input may take to read in a worker before it is ended and refused. */
  STS_READ_TIMEOUT_MS: positiveInt(2000),
  /** Alert e-mail (issue 14): the SMTP server, unless STS_SMTP_URL (a secret) names it. */
  STS_SMTP_HOST: optionalText,
  STS_SMTP_PORT: positiveInt(587),
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  STS_SMTP_SECURE: flag,
  STS_SMTP_USER: optionalText,
  /** The sender of alert e-mail, e.g. "STS Rollout <sts@example.net>". */
  STS_SMTP_FROM: optionalText,
  /** A repeat of the same alert (domain, kind, subject) within this many hours is not sent. */
  STS_ALERT_REPEAT_HOURS: positiveInt(24),
  /** Issue 14: the daily re-check of every domain, HH:MM UTC, or "off". */
  STS_RECHECK_AT: dailyTimeOrOff("03:00"),
  /** Domains the daily re-check checks at once (each opens up to 4 connections). */
  STS_RECHECK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** Scheduled jobs: how long a claim holds without renewal before another instance takes
   * the job over (renewed every third of it), and how often due jobs are looked for. */
  STS_JOB_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  STS_JOB_TICK_MS: z.coerce.number().int().min(50).default(10_000),
  /** Issue 14 watch: alert when an MX or policy-host certificate expires within these days. */
  STS_WATCH_CERT_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Issue 14 watch: whole days without any report (after reports had flowed) to alert on. */
  STS_WATCH_SILENCE_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** Issue 14 watch: failed sessions on one MX above this percentage of all, over the window. */
  STS_WATCH_FAILURE_PERCENT: z.coerce.number().gt(0).max(100).default(5),
  /** Issue 14 watch: days up to today the failure rate and new failure types look at. */
  STS_WATCH_FAILURE_WINDOW_DAYS: z.coerce.number().int().min(1).max(30).default(3),
});

export type Settings = z.infer<typeof schema>;

export class SettingsError extends Error {}

/** Parses an environment (process.env by default); throws SettingsError naming each bad variable. */
export function parseSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Settings {
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
