// Mailbox passwords at rest: AES-256-GCM with a key derived (scrypt) from the app secret
// (STS_SECRET, else NEXTAUTH_SECRET). Sealed values are "v1:<base64 iv|tag|ciphertext>";
// they never go to the browser or the log, and cannot be opened after the secret changes.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { secrets } from "@/lib/config/secrets";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import { apiText, type ApiErrorText } from "@/lib/i18n/api-failure";

/** The variables the key comes from (the secrets lib/config read, by default). */
export type SecretEnv = Partial<Record<"STS_SECRET" | "NEXTAUTH_SECRET", string>>;

const SALT = "sts-rollout/mailbox-password/v1";
const keys = new Map<string, Buffer>();

function appSecret(env: SecretEnv): string {
  const s = env.STS_SECRET || env.NEXTAUTH_SECRET;
  if (!s) throw new Error("set STS_SECRET or NEXTAUTH_SECRET to store mailbox passwords");
  return s;
}

function keyFor(secret: string): Buffer {
  let k = keys.get(secret);
  if (!k) {
    k = scryptSync(secret, SALT, 32);
    keys.set(secret, k);
  }
  return k;
}

export function seal(plain: string, env: SecretEnv = secrets()): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", keyFor(appSecret(env)), iv);
  const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString("base64")}`;
}

/** The plain value, or why it cannot be opened: the English (the log, a mailbox's last poll
 * error) and its "apiErrors" message, so "Poll now" and the settings page show it in the
 * user's language (issue 16 §6). */
export function unseal(sealed: string, env: SecretEnv = secrets()): Result<string, ApiErrorText> {
  if (!sealed.startsWith("v1:")) return err(apiText("sealUnknownFormat"));
  const raw = Buffer.from(sealed.slice(3), "base64");
  if (raw.length < 28) return err(apiText("sealDamaged"));
  try {
    const d = createDecipheriv("aes-256-gcm", keyFor(appSecret(env)), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return ok(Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8"));
  } catch {
    return err(apiText("sealCannotDecrypt"));
  }
}
