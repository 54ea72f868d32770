import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DomainList } from "@/components/domains/domain-list";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getDomainList } from "@/lib/db/domains/domain-list";
import { refreshStaleVerdicts } from "@/lib/db/readiness/verdict-queue";
import {
  DOMAIN_PAGE_SIZE,
  parseDomainListParams,
  type SearchParams,
} from "@/lib/domains/list-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("domains"))("title") };
}

export default async function DomainsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePageUser();
  const db = await getDb();
  const sp = await searchParams;
  // Issue 16: search, filters and page come from the URL (shareable, back/forward).
  const { params, problemRefs } = parseDomainListParams(sp);
  const list = await getDomainList(db, {
    nameContains: params.q,
    step: params.step ?? undefined,
    mode: params.mode ?? undefined,
    readiness: params.ready ?? undefined,
    limit: DOMAIN_PAGE_SIZE,
    offset: (params.page - 1) * DOMAIN_PAGE_SIZE,
  });
  // Verdicts missing or stale (new day, check aged out) are recomputed off the request.
  refreshStaleVerdicts(db, list.staleIds);
  return (
    <DomainList
      domains={list.rows}
      total={list.total}
      params={params}
      problems={problemRefs}
      canEdit={user.role === "admin"}
      denied={sp.denied === "1"}
    />
  );
}
