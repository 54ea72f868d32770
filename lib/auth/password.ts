import type { MessageRef } from "../i18n/message-ref";
import { workerPool } from "../pool/shared";

// bcrypt (pure-JS build, no native download). Cost 12: ~0.2 s per sign-in on this class
// of machine, which also slows password guessing. It runs in the worker pool (lib/pool),
// so a burst of sign-ins never stalls the event loop that serves every other request.
const COST = 12;
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return workerPool().hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return workerPool().compare(password, hash);
}

const MAX_PASSWORD_LENGTH = 72; // bcrypt reads no further

/** What is wrong with a new password: the English sentence (the CLI, the API) and the same
 * sentence in the "apiErrors" namespace, for routes that answer in the user's language. */
export function passwordRule(password: string): { message: string; ref: MessageRef } | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      message: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
      ref: { key: "passwordTooShort", params: { min: MIN_PASSWORD_LENGTH } },
    };
  if (password.length > MAX_PASSWORD_LENGTH)
    return {
      message: `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
      ref: { key: "passwordTooLong", params: { max: MAX_PASSWORD_LENGTH } },
    };
  return null;
}

export const passwordProblem = (password: string): string | null =>
  passwordRule(password)?.message ?? null;
