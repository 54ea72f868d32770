import type { Metadata } from "next";
import { DomainList } from "@/components/domains/domain-list";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getDomainList } from "@/lib/db/domains/domain-list";
import { refreshStaleVerdicts } from "@/lib/db/readiness/verdict-queue";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({
  searchParams,
}: {
  searchParams: Promise<{ denied?: string }>;
}) {
  const user = await requirePageUser();
  const db = await getDb();
  const list = await getDomainList(db);
  // Verdicts missing or stale (new day, check aged out) are recomputed off the request.
  refreshStaleVerdicts(db, list.staleIds);
  const { denied } = await searchParams;
  return <DomainList domains={list.rows} canEdit={user.role === "admin"} denied={denied === "1"} />;
}
