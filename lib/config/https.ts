import { settings } from "./settings";

// Whether this installation is served over HTTPS, for Strict-Transport-Security (issue 11
// §9). Two ways to know, both under the operator's control:
// - NEXTAUTH_URL or STS_PUBLIC_URL (the public addresses the README already asks for) is
//   https:, or
// - STS_TRUST_PROXY=1 (a proxy of yours is in front) and that proxy says X-Forwarded-Proto:
//   https for this request.
// Browsers ignore the header on a plain-HTTP response, so a wrong "yes" costs nothing on
// http: and the header never reaches a browser that was not already on HTTPS.

const isHttps = (url: string | undefined): boolean => /^https:\/\//i.test(url?.trim() ?? "");

type PublicUrls = { NEXTAUTH_URL?: string; STS_PUBLIC_URL?: string };

export function publicUrlIsHttps(env: PublicUrls = settings()): boolean {
  return isHttps(env.NEXTAUTH_URL) || isHttps(env.STS_PUBLIC_URL);
}

/** True when a response should carry Strict-Transport-Security; `trustProxy` = STS_TRUST_PROXY. */
export function isServedOverHttps(
  publicHttps: boolean,
  trustProxy: boolean,
  forwardedProto: string | null,
): boolean {
  if (publicHttps) return true;
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return trustProxy && proto === "https";
}

let cachedPublic: boolean | undefined;

/** isServedOverHttps with this process's settings. */
export function servedOverHttps(forwardedProto: string | null): boolean {
  cachedPublic ??= publicUrlIsHttps();
  return isServedOverHttps(cachedPublic, settings().STS_TRUST_PROXY, forwardedProto);
}
