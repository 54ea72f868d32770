// The kinds of certificate a test host can present, issued by the world's test CA.
import type { CertSpec, TestCa } from "./test-ca";

export type CertKind =
  | "good"
  | "expired"
  | "expiring-soon"
  | "wrong-name"
  | "cn-only"
  | "self-signed"
  | "partial-wildcard";

export function certFor(ca: TestCa, host: string, kind: CertKind | CertSpec = "good") {
  if (typeof kind !== "string") return ca.issue(kind);
  const [first = "", ...rest] = host.split(".");
  const specs: Record<CertKind, CertSpec> = {
    good: { sans: [host] },
    expired: { sans: [host], daysValid: -10 },
    "expiring-soon": { sans: [host], daysValid: 5 },
    "wrong-name": { sans: [`wrong.${rest.join(".") || "test"}`] },
    "cn-only": { cn: host, sans: [] },
    "self-signed": { sans: [host], selfSigned: true },
    "partial-wildcard": { sans: [`${first.slice(0, 2)}*.${rest.join(".")}`] },
  };
  return ca.issue(specs[kind]);
}
