import type { CheckHistory, CheckRunView } from "@/lib/db/checks/check-run-view";

// Reads for step 1 from our own API (TanStack Query calls these with keys from the factory).

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok || body === null) throw new Error(body?.error ?? `HTTP ${res.status}`);
  return body;
}

export const fetchCheckHistory = (domain: string) =>
  getJson<CheckHistory>(`/api/domains/${encodeURIComponent(domain)}/checks`);

export const fetchCheckRun = (domain: string, id: string) =>
  getJson<CheckRunView>(
    `/api/domains/${encodeURIComponent(domain)}/checks/${encodeURIComponent(id)}`,
  );
