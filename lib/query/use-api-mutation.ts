"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch, type ApiError, type Method } from "./api-fetch";

// The one mutation pattern (issue 13 §2, ARCHITECTURE.md "Requests and sessions"): a route
// handler called through apiFetch; after success the query keys the change touches are
// invalidated (client-side data, e.g. the enforce state) and router.refresh() re-renders
// the server components (first paint: lists, step states), or, where the change ends the
// page (first run), the next page is shown. The error is the route's message.

export interface ApiRequest {
  method: Exclude<Method, "GET">;
  url: string;
  body?: unknown;
}

export function useApiMutation<TVars, TData = unknown>(opts: {
  request: (vars: TVars) => ApiRequest;
  /** Query keys (from lib/query/keys.ts) the change makes stale. */
  invalidates?: (vars: TVars) => QueryKey[];
  /** A page to go to after success instead of re-rendering this one (first run). */
  navigateTo?: string;
  /** The change records its failure too (a mailbox poll stores the IMAP error): refresh
   * after an error as well. */
  refreshAfterError?: boolean;
}) {
  const qc = useQueryClient();
  const router = useRouter();
  return useMutation<TData, ApiError, TVars>({
    mutationFn: (vars) => {
      const r = opts.request(vars);
      return apiFetch<TData>(r.method, r.url, r.body);
    },
    onSuccess: async (_data, vars) => {
      const keys = opts.invalidates?.(vars) ?? [];
      await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
      if (opts.navigateTo) router.replace(opts.navigateTo);
      else router.refresh();
    },
    onError: () => {
      if (opts.refreshAfterError) router.refresh();
    },
  });
}
