// Security headers for every page (issue 11 §9), set by proxy.ts with a fresh nonce per
// request. Next reads the nonce from the Content-Security-Policy request header and puts
// it on its own scripts, so no inline script runs without it; pages render per request
// (app/layout.tsx) because a prerendered page would carry no nonce.

export interface PageSecurityOptions {
  nonce: string;
  /** next dev: React's dev tools rebuild server error stacks with eval(). */
  dev: boolean;
  /** Served over HTTPS (lib/config/https.ts): HSTS and upgrade-insecure-requests. */
  https: boolean;
}

/** 128 random bits, base64: unguessable and unique per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy({ nonce, dev, https }: PageSecurityOptions): string {
  return [
    "default-src 'self'",
    // No 'unsafe-inline' for scripts: only scripts carrying this response's nonce, and
    // the chunks they load ('strict-dynamic').
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline: Recharts and Radix position things with style="…" attributes
    // and Radix injects <style> elements. The issue forbids inline scripts, not styles;
    // inline CSS cannot run code. (A nonce here would make browsers ignore 'unsafe-inline'.)
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The response headers of a page. */
export function pageSecurityHeaders(opts: PageSecurityOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(opts),
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Links out of the dashboard (docs, RFCs) never learn which domain was being viewed.
    // Not no-referrer: that also turns a same-origin form POST's Origin into "null", and
    // Origin is what same-origin.ts and Next's server-action check compare.
    "Referrer-Policy": "same-origin",
    // The dashboard uses none of these; a framed or injected script gets none either.
    // (Only features Chromium knows: an unknown one is logged as an error on every page.)
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // One year; not includeSubDomains, which would bind every host of the operator's domain.
    ...(opts.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}
