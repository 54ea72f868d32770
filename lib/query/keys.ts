// The one factory for TanStack Query keys (STYLE.md: never inline string keys). Mutations
// invalidate these.
export const queryKeys = {
  domains: () => ["domains"] as const,
  domain: (name: string) => ["domains", name] as const,
  users: () => ["users"] as const,
  checkRuns: (name: string) => ["domains", name, "checks"] as const,
  checkRun: (name: string, id: string) => ["domains", name, "checks", id] as const,
};
