import { notFound } from "next/navigation";
import { EnforcePanel } from "@/components/enforce/enforce-panel";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getEnforceState } from "@/lib/db/readiness/get-enforce-state";
import { loadDomain } from "../load-domain";
import { domainTitle } from "../page-title";

type Props = { params: Promise<{ name: string }> };

export const generateMetadata = domainTitle("Enforce");

export default async function EnforcePage({ params }: Props) {
  const user = await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const state = await getEnforceState(db, domain);
  return <EnforcePanel initial={state} canEdit={user.role === "admin"} />;
}
