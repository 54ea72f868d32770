import bcrypt from "bcryptjs";

// bcrypt (pure-JS build, no native download). Cost 12: ~0.2 s per sign-in on this class
// of machine, which also slows password guessing.
const COST = 12;
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  if (password.length > 72) return "The password must be at most 72 characters long.";
  return null;
}
