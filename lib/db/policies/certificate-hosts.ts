import type { Db } from "../client";
import { domainOfPolicyHost } from "./policies";

/**
 * Whether this app may get a TLS certificate for `host` (Caddy's on-demand "ask"): only
 * mta-sts.<managed domain> whose policy this app serves (hosting "hosted") and which has a
 * current policy version. Self-hosted domains, domains without a policy yet, unknown
 * domains and every other name are refused, so nobody can make this installation request
 * certificates for names it does not serve (STS-FETCH-1).
 */
export async function mayCertifyPolicyHost(db: Db, host: string): Promise<boolean> {
  // Caddy asks with the bare server name; a name with a port is never one to certify.
  const name = host.includes(":") ? null : domainOfPolicyHost(host);
  if (name === null) return false;
  const domain = await db.domain.findUnique({
    where: { name },
    select: { hosting: true, policyVersions: { select: { seq: true }, take: 1 } },
  });
  return domain?.hosting === "hosted" && domain.policyVersions.length > 0;
}
