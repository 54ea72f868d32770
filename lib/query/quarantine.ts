// RPT-DELIV-7: the quarantine list and "Accept reporter", through our own route handlers
// (app/api/domains/[name]/quarantine, app/api/reporters/accepted). Accepting a reporter
// changes every domain's verdict, so it invalidates every domain's queries.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QuarantinedReporter } from "@/lib/db/reports/quarantine";
import { queryKeys } from "./keys";

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok || body === null) throw new Error(body?.error ?? `HTTP ${res.status}`);
  return body;
}

export function useQuarantine(domain: string, initial: QuarantinedReporter[]) {
  return useQuery({
    queryKey: queryKeys.quarantine(domain),
    queryFn: async () =>
      json<{ reporters: QuarantinedReporter[] }>(
        await fetch(`/api/domains/${encodeURIComponent(domain)}/quarantine`, { cache: "no-store" }),
      ).then((b) => b.reporters),
    initialData: initial,
  });
}

export function useAcceptReporter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (reporterKey: string) =>
      json<{ reporterKey: string; reports: number }>(
        await fetch("/api/reporters/accepted", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ reporterKey }),
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.domains() }),
  });
}
