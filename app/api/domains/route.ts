import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { addDomain, listDomains, type DomainRecord } from "@/lib/db/domains/domains";
import { validateDomainName } from "@/lib/domains/domain-name";
import { fail, failed } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";

const toJson = (d: DomainRecord) => ({
  name: d.name,
  displayName: d.displayName,
  createdAt: d.createdAt,
});

export const GET = withUser("viewer", async () => {
  const domains = await listDomains(await getDb());
  return NextResponse.json({ domains: domains.map(toJson) });
});

const Body = z.object({ name: z.string() });

// The domains page's "Add a mail domain" form, and scripts.
export const POST = withUser("admin", async (req, user) => {
  const body = Body.safeParse(await req.json().catch(() => null));
  if (!body.success)
    return fail("invalid", 'Send JSON like {"name": "example.com"}.', { key: "domainBody" });
  const name = validateDomainName(body.data.name);
  if (!name.ok) return failed(name.error);
  const added = await addDomain(
    await getDb(),
    { name: name.value.aLabel, displayName: name.value.uLabel },
    { userId: user.id, email: user.email },
  );
  if (!added.ok) {
    const ref = { key: "domainExists", params: { name: name.value.uLabel } };
    return fail("conflict", added.error, ref);
  }
  return NextResponse.json(toJson(added.value), { status: 201 });
});
