"use client";

import { seg } from "./api-fetch";
import { queryKeys } from "./keys";
import { useApiMutation } from "./use-api-mutation";

// The dashboard's changes to domains, each a route handler under /api/domains. A change to
// one domain makes everything cached about it stale (queryKeys.domain is every key's prefix).

const url = (domain: string, rest = "") => `/api/domains/${seg(domain)}${rest}`;
const touches = (domain: string) => () => [queryKeys.domain(domain)];

export interface DomainJson {
  name: string;
  displayName: string;
}

export function useAddDomain() {
  return useApiMutation<{ name: string }, DomainJson>({
    request: (body) => ({ method: "POST", url: "/api/domains", body }),
  });
}

export function useRemoveDomain(domain: string) {
  return useApiMutation<void>({
    request: () => ({ method: "DELETE", url: url(domain) }),
    invalidates: touches(domain),
  });
}

export function useSaveDkimSelectors(domain: string) {
  return useApiMutation<{ selectors: string }, { selectors: string[] }>({
    request: (body) => ({ method: "PUT", url: url(domain, "/dkim-selectors"), body }),
    invalidates: touches(domain),
  });
}

export interface PolicyDraft {
  mode: string;
  maxAge: number;
  mx: string[];
}

export function useSavePolicy(domain: string) {
  return useApiMutation<PolicyDraft, { policyId: string }>({
    request: (body) => ({ method: "POST", url: url(domain, "/policy"), body }),
    invalidates: touches(domain),
  });
}

export function useSetHosting(domain: string) {
  return useApiMutation<"hosted" | "self", { hosting: string }>({
    request: (hosting) => ({
      method: "POST",
      url: url(domain, "/policy/hosting"),
      body: { hosting },
    }),
    invalidates: touches(domain),
  });
}

/** A live verification: it only looks, and records what it saw (viewers may run it). */
export function useVerification<T>(domain: string, kind: "dns" | "publish") {
  return useApiMutation<void, T>({
    request: () => ({ method: "POST", url: url(domain, `/verify/${kind}`) }),
    invalidates: touches(domain),
  });
}

export interface ModeChange {
  action: "enforce" | "rollback" | "removal";
  maxAge: number;
  override: boolean;
}

export function useChangeMode(domain: string) {
  return useApiMutation<ModeChange, { policyId: string; mode: string; maxAge: number }>({
    request: (body) => ({ method: "POST", url: url(domain, "/enforce"), body }),
    invalidates: touches(domain),
  });
}
