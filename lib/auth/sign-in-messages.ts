// What the sign-in form shows. The server reports a refusal as a short code (next-auth
// passes an error string from authorize() to the browser); the wording lives here, in a
// module safe for the client bundle.

import type { MessageRef } from "@/lib/i18n/message-ref";

export const WRONG_CREDENTIALS = "Wrong email or password.";

/** The code authorize() throws for a throttled attempt: `throttled:<seconds>`. */
export const throttledCode = (seconds: number): string =>
  `throttled:${Math.max(1, Math.ceil(seconds))}`;

/**
 * The codes cappedSignIn (lib/http/sign-in-endpoint.ts) puts in place of next-auth's error
 * when the address is over its sign-in rate (`rate:<seconds>`) or every slot is taken
 * (`busy:<seconds>`): next-auth's client reads them like authorize()'s own.
 */
export const rateLimitedCode = (seconds: number): string =>
  `rate:${Math.max(1, Math.ceil(seconds))}`;
export const busyCode = (seconds: number): string => `busy:${Math.max(1, Math.ceil(seconds))}`;

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
  const refused = /^(rate|busy):(\d{1,7})$/.exec(error);
  if (refused) {
    const seconds = Math.max(1, Number(refused[2]));
    return { key: refused[1] === "rate" ? "rateLimited" : "busy", params: { seconds } };
  }
  if (error === "CredentialsSignin") return { key: "wrongCredentials" };
  return { key: "failed" };
}

/** The message for next-auth's `error` after a refused sign-in. */
export function signInErrorMessage(error: string): string {
  const throttled = /^throttled:(\d{1,7})$/.exec(error);
  if (throttled) return throttleMessage(Number(throttled[1]));
  const refused = /^(rate|busy):(\d{1,7})$/.exec(error);
  if (refused) {
    const wait = plural(Math.max(1, Number(refused[2])), "second");
    return refused[1] === "rate"
      ? `Too many sign-in attempts from this address. Try again in ${wait}.`
      : `The server is busy with other sign-ins. Try again in ${wait}.`;
  }
  if (error === "CredentialsSignin") return WRONG_CREDENTIALS;
  return "Signing in failed. Try again in a moment.";
}
