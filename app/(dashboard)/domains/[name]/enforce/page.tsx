import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnforcePanel } from "@/components/enforce/enforce-panel";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { getEnforceState } from "@/lib/db/readiness/get-enforce-state";

type Props = { params: Promise<{ name: string }> };

export const metadata: Metadata = { title: "Enforce" };

export default async function EnforcePage({ params }: Props) {
  const user = await requirePageUser();
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent((await params).name));
  if (!domain) notFound();
  const state = await getEnforceState(db, domain);
  return <EnforcePanel initial={state} canEdit={user.role === "admin"} />;
}
