// The one factory for TanStack Query keys (STYLE.md: never inline string keys). Every key
// of a domain starts with domain(name), so a change to the domain invalidates that prefix
// (lib/query/domain-mutations.ts) and every query about it refetches.
export const queryKeys = {
  /** Every domain's queries (a change that reaches all of them: accepting a reporter). */
  allDomains: () => ["domains"] as const,
  domain: (name: string) => ["domains", name] as const,
  checkRuns: (name: string) => ["domains", name, "checks"] as const,
  checkRun: (name: string, id: string) => ["domains", name, "checks", id] as const,
  domainStats: (name: string, from: string, to: string, mx: string | null) =>
    ["domains", name, "stats", from, to, mx ?? "*"] as const,
  failureDetails: (name: string, day: string, mx: string, resultType: string | null) =>
    ["domains", name, "failures", day, mx, resultType ?? "*"] as const,
  enforceState: (name: string) => ["domains", name, "enforce"] as const,
  quarantine: (name: string) => ["domains", name, "quarantine"] as const,
  timeline: (name: string) => ["domains", name, "timeline"] as const,
};
