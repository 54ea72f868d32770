import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findDomainByName, type DomainRecord } from "@/lib/db/domains/domains";
import type { Role } from "@/lib/db/users/users";
import { fail } from "./errors";
import { withUser, type Handler } from "./handler";

// withUser for the routes under /api/domains/[name]: the session, the role, the same-site
// rule for mutations, then the domain the [name] segment names, or a 404. The handler
// only runs for a domain this installation manages.

type DomainHandler<P> = (
  req: Request,
  user: SessionUser,
  domain: DomainRecord,
  params: P,
) => Promise<Response>;

export const NO_SUCH_DOMAIN = "No such domain.";

export function withDomain<P extends { name: string } = { name: string }>(
  role: Role,
  handler: DomainHandler<P>,
) {
  return withUser<P>(role, inDomain(handler));
}

/** The lookup half of withDomain: [name] (URL-encoded, A- or U-label case aside) or 404. */
export function inDomain<P extends { name: string }>(handler: DomainHandler<P>): Handler<P> {
  return async (req, user, params) => {
    const domain = await findDomainByName(await getDb(), decodeURIComponent(params.name));
    if (!domain) return fail("not-found", NO_SUCH_DOMAIN, { key: "noSuchDomain" });
    return handler(req, user, domain, params);
  };
}
