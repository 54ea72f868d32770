// What the sign-in form shows. The server reports a refusal as a short code (next-auth
// passes an error string from authorize() to the browser); the wording lives here, in a
// module safe for the client bundle.

import type { MessageRef } from "@/lib/i18n/message-ref";

export const WRONG_CREDENTIALS = "Wrong email or password.";

/** The code authorize() throws for a throttled attempt: `throttled:<seconds>`. */
export const throttledCode = (seconds: number): string =>
  `throttled:${Math.max(1, Math.ceil(seconds))}`;

/** "4 minutes", "1 second": seconds below a minute, else whole minutes rounded up. */
export function waitPhrase(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 60 ? plural(s, "second") : plural(Math.ceil(s / 60), "minute");
}

/** "Too many failed sign-ins. Try again in 4 minutes." */
export const throttleMessage = (seconds: number): string =>
  `Too many failed sign-ins. Try again in ${waitPhrase(seconds)}.`;

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** The same choice as a message of the "auth.signIn" namespace, for the translated form. */
export function signInErrorRef(error: string): MessageRef {
  const throttled = /^throttled:(\d{1,7})$/.exec(error);
  if (throttled) {
    const s = Math.max(1, Number(throttled[1]));
    return s < 60
      ? { key: "throttledSeconds", params: { seconds: s } }
      : { key: "throttledMinutes", params: { minutes: Math.ceil(s / 60) } };
  }
  if (error === "CredentialsSignin") return { key: "wrongCredentials" };
  return { key: "failed" };
}

/** The message for next-auth's `error` after a refused sign-in. */
export function signInErrorMessage(error: string): string {
  const throttled = /^throttled:(\d{1,7})$/.exec(error);
  if (throttled) return throttleMessage(Number(throttled[1]));
  if (error === "CredentialsSignin") return WRONG_CREDENTIALS;
  return "Signing in failed. Try again in a moment.";
}
