"use client";

// RPT-DELIV-7: the quarantine list and "Accept reporter", through our own route handlers
// (app/api/domains/[name]/quarantine, app/api/reporters/accepted) and the one mutation
// pattern. Accepting a reporter changes every domain's verdict, so it invalidates every
// domain's queries.
import { useQuery } from "@tanstack/react-query";
import type { QuarantinedReporter } from "@/lib/db/reports/quarantine";
import { apiFetch, seg } from "./api-fetch";
import { queryKeys } from "./keys";
import { useApiMutation } from "./use-api-mutation";

export function useQuarantine(domain: string, initial: QuarantinedReporter[]) {
  return useQuery({
    queryKey: queryKeys.quarantine(domain),
    queryFn: async () =>
      (
        await apiFetch<{ reporters: QuarantinedReporter[] }>(
          "GET",
          `/api/domains/${seg(domain)}/quarantine`,
        )
      ).reporters,
    initialData: initial,
  });
}

export function useAcceptReporter() {
  return useApiMutation<string, { reporterKey: string; reports: number }>({
    request: (reporterKey) => ({
      method: "POST",
      url: "/api/reporters/accepted",
      body: { reporterKey },
    }),
    invalidates: () => [queryKeys.allDomains()],
  });
}
