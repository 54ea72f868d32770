// The use cases behind the two "Verify" buttons: probe live, store the result, audit it.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit/audit";
import type { Actor } from "@/lib/db/domains/domains";
import { listPolicyVersions } from "@/lib/db/policies/policies";
import { saveVerification } from "@/lib/db/policies/verifications";
import { livePublishProbe, liveDns } from "./live";
import { ruaConfig } from "@/lib/config/report-endpoint";
import type { DnsVerification, PublishVerification } from "./types";
import { verifyDns } from "./verify-dns";
import { verifyPublish } from "./verify-publish";

interface DomainRef {
  id: string;
  name: string;
}

export async function verifyPublishForDomain(
  db: Db,
  domain: DomainRef,
  actor: Actor,
): Promise<PublishVerification> {
  const [current, ...older] = await listPolicyVersions(db, domain.id);
  const result = await verifyPublish(domain.name, current ?? null, older, livePublishProbe());
  await saveVerification(db, domain.id, "publish", result);
  await recordAudit(db, {
    userId: actor.userId,
    actor: actor.email,
    action: "verify.publish",
    domainId: domain.id,
    details: { policyId: result.policyId, ok: result.ok, problems: result.problems },
  });
  return result;
}

export async function verifyDnsForDomain(
  db: Db,
  domain: DomainRef,
  actor: Actor,
): Promise<DnsVerification> {
  const [current] = await listPolicyVersions(db, domain.id);
  const rua = ruaConfig();
  const result = await verifyDns(domain.name, current?.policyId ?? null, rua.uris, liveDns());
  await saveVerification(db, domain.id, "dns", result);
  await recordAudit(db, {
    userId: actor.userId,
    actor: actor.email,
    action: "verify.dns",
    domainId: domain.id,
    details: {
      policyId: result.policyId,
      sts: result.sts.status,
      foundId: result.sts.foundId,
      tlsRpt: result.tlsRpt.status,
    },
  });
  return result;
}
