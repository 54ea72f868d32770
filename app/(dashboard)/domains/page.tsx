import type { Metadata } from "next";
import { DomainList } from "@/components/domains/domain-list";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listDomains } from "@/lib/db/domains/domains";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({
  searchParams,
}: {
  searchParams: Promise<{ denied?: string }>;
}) {
  const user = await requirePageUser();
  const domains = await listDomains(await getDb());
  const { denied } = await searchParams;
  return <DomainList domains={domains} canEdit={user.role === "admin"} denied={denied === "1"} />;
}
