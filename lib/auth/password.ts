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

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (password.length > 72) return "The password must be at most 72 characters long.";
  return null;
}
