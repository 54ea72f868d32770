import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { addDomain, type DomainRecord } from "@/lib/db/domains/domains";
import { createTestActor, openTestDb, type TestDb } from "@/lib/db/db.test-utils";
import { findUserById } from "@/lib/db/users/users";
import { inDomain, NO_SUCH_DOMAIN } from "./with-domain";

// withDomain's lookup (issue 13 §2: ten routes repeated it), on a real SQLite database:
// the [name] segment as Next hands it, the domain or a 404, and the handler
// never runs for a domain that is not managed here. The session half is withUser's, swept
// by e2e/05-unauthenticated-sweep.spec.ts.

let t: TestDb;
let user: SessionUser;

beforeAll(async () => {
  t = await openTestDb();
  process.env.DATABASE_URL = t.config.provider === "sqlite" ? `file:${t.config.url}` : t.config.url;
  const actor = await createTestActor(t.db);
  const found = await findUserById(t.db, actor.userId);
  if (!found) throw new Error("the test admin is missing");
  user = found;
  for (const [name, displayName] of [
    ["example.com", "example.com"],
    ["xn--mnchen-3ya.de", "münchen.de"],
  ] as const) {
    const d = await addDomain(t.db, { name, displayName }, actor);
    if (!d.ok) throw new Error(d.error);
  }
}, 120_000);
afterAll(async () => t.close());

function call(name: string) {
  const seen: { domain: DomainRecord; params: { name: string; id: string } }[] = [];
  const handler = inDomain<{ name: string; id: string }>(async (_req, _user, domain, params) => {
    seen.push({ domain, params });
    return Response.json({ name: domain.name });
  });
  const req = new Request(`http://app.test/api/domains/${name}/checks/7`);
  return { seen, res: handler(req, user, { name, id: "7" }) };
}

describe("withDomain's lookup", () => {
  it("hands the handler the domain [name] names, and the other params", async () => {
    const { seen, res } = call("example.com");
    expect(await (await res).json()).toEqual({ name: "example.com" });
    expect(seen.map((s) => [s.domain.displayName, s.params.id])).toEqual([["example.com", "7"]]);
  });

  it("ignores case, and finds an IDN domain by its A-label", async () => {
    expect(await (await call("EXAMPLE.COM").res).json()).toEqual({ name: "example.com" });
    const idn = call("xn--mnchen-3ya.de");
    expect(await (await idn.res).json()).toEqual({ name: "xn--mnchen-3ya.de" });
    expect(idn.seen[0]?.domain.displayName).toBe("münchen.de");
  });

  it("answers 404 No such domain. for a name not managed here, without running the handler", async () => {
    const { seen, res } = call("unknown.example");
    const r = await res;
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: NO_SUCH_DOMAIN });
    expect(seen).toEqual([]);
  });
});
