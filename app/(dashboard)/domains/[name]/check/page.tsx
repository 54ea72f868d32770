import { notFound } from "next/navigation";
import { CheckStep } from "@/components/check/check-step";
import { requirePageUser } from "@/lib/auth/session";
import { loadCheckHistory, loadCheckRunView } from "@/lib/db/checks/check-run-view";
import { getDkimSelectors } from "@/lib/db/checks/dkim-selectors";
import { getDb } from "@/lib/db/client";
import { loadDomain } from "../load-domain";
import { domainTitle } from "../page-title";

type Props = { params: Promise<{ name: string }> };

export const generateMetadata = domainTitle("Check");

export default async function CheckPage({ params }: Props) {
  const user = await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const [latest, history, dkimSelectors] = await Promise.all([
    loadCheckRunView(db, domain.id),
    loadCheckHistory(db, domain.id),
    getDkimSelectors(db, domain.id),
  ]);
  return (
    <CheckStep
      domain={{ name: domain.name, displayName: domain.displayName }}
      canRun={user.role === "admin"}
      initialView={latest}
      initialHistory={history}
      dkimSelectors={dkimSelectors}
    />
  );
}
