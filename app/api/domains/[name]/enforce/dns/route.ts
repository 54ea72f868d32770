import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { currentPolicyVersion } from "@/lib/db/policies/policies";
import { withUser } from "@/lib/http/handler";
import { liveDns } from "@/lib/rollout/live";
import { ruaConfig } from "@/lib/config/report-endpoint";
import { verifyDns } from "@/lib/rollout/verify-dns";

type Params = { name: string };

// GET: the live _mta-sts TXT record compared with the id of the served version, after a switch.
export const GET = withUser<Params>("viewer", async (_req, _user, { name }) => {
  const db = await getDb();
  const domain = await findDomainByName(db, decodeURIComponent(name));
  if (!domain) return NextResponse.json({ error: "No such domain." }, { status: 404 });
  const policy = await currentPolicyVersion(db, domain.id);
  const v = await verifyDns(domain.name, policy?.policyId ?? null, ruaConfig().uris, liveDns());
  return NextResponse.json(v.sts);
});
