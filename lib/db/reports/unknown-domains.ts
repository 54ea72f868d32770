import type { NormalizedReport } from "@/lib/tlsrpt/types";

/** Entries with no policy-domain at all are tallied under this name. */
export const NO_DOMAIN = "(no policy-domain)";

/** RPT-ING-6: the policy domains of a report that no managed domain matches. */
export function unknownDomainsOf(
  r: NormalizedReport,
  managed: ReadonlyMap<string, string>,
): string[] {
  const out = new Set<string>();
  for (const p of r.policies) {
    if (p.policyDomain === null) out.add(NO_DOMAIN);
    else if (!managed.has(p.policyDomain)) out.add(p.policyDomain);
  }
  return [...out];
}
