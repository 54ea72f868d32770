import { createSecureContext, type SecureContext, type SecureVersion } from "node:tls";

// One TLS client context per trust store and protocol variant, made once and shared by every
// probe that uses them. Building a context parses the trust store and sets up OpenSSL state:
// about 1.5 ms of main-thread CPU each time, which for the daily re-check of 500 domains
// (1,500 handshakes) was a tenth of its work (issue 14, bench:watch). A context holds no
// per-connection state (no session is resumed: probes pass none), so sharing it changes
// nothing a probe sees.

export interface ContextVariant {
  /** The trust store; undefined = Node's bundled roots. */
  ca?: readonly string[];
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
}

/** Variants in use are few (a trust store, a handful of protocol probes); the bound only
 * matters where the trust store changes, as in tests that start a CA per test. */
const MAX_CONTEXTS = 32;
const contexts = new Map<string, SecureContext>();

export function checkerSecureContext(v: ContextVariant): SecureContext {
  // Keyed by content: the settings read the CA file for each check, a new array each time.
  const key = [
    v.minVersion ?? "",
    v.maxVersion ?? "",
    v.ciphers ?? "",
    ...(v.ca ?? ["(bundled)"]),
  ].join("\n");
  let ctx = contexts.get(key);
  if (!ctx) {
    if (contexts.size >= MAX_CONTEXTS) contexts.clear();
    ctx = createSecureContext({
      ...(v.ca ? { ca: [...v.ca] } : {}),
      ...(v.minVersion ? { minVersion: v.minVersion } : {}),
      ...(v.maxVersion ? { maxVersion: v.maxVersion } : {}),
      ...(v.ciphers ? { ciphers: v.ciphers } : {}),
    });
    contexts.set(key, ctx);
  }
  return ctx;
}
