// Where to go after signing in. The callbackUrl comes from the address bar, so anyone can
// send a link that carries one: only a path on this origin is followed, anything else
// lands on the domain list (no open redirect).

export const AFTER_SIGN_IN = "/domains";

// Browsers read "\" as "/" and drop tabs and newlines inside URLs, so "/\evil.example" and
// "/<TAB>/evil.example" would both become "//evil.example" (another host). Refuse them all.
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

/**
 * The same-origin path (with query and fragment) that `raw` names, or /domains.
 * `raw` is a path ("/domains/x") or an absolute URL on `origin` (next-auth sends those).
 */
export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  if (!raw || UNSAFE.test(raw)) return AFTER_SIGN_IN;
  let base: URL;
  try {
    base = new URL(origin);
  } catch {
    return AFTER_SIGN_IN;
  }
  const isPath = raw.startsWith("/") && !raw.startsWith("//");
  const isSameOriginUrl = raw.startsWith(`${base.origin}/`) || raw === base.origin;
  if (!isPath && !isSameOriginUrl) return AFTER_SIGN_IN;
  let target: URL;
  try {
    target = new URL(raw, base);
  } catch {
    return AFTER_SIGN_IN;
  }
  if (target.origin !== base.origin) return AFTER_SIGN_IN;
  return `${target.pathname}${target.search}${target.hash}`;
}
