// GET /api/tls-ask (Caddy's on-demand TLS question) through publicEndpoint, on a real
// database: 200 approves a certificate, anything else refuses it (STS-FETCH-1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { PEER_HEADER, installPeerStamp } from "@/lib/http/peer-address";
import { answerTlsAsk } from "@/lib/http/policy-serving";
import { publicEndpoint } from "@/lib/http/public-endpoint";
import { tlsAskLimits } from "@/lib/http/public-limits";
import { addDomain, type Actor } from "../domains/domains";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { createPolicyVersion } from "./policies";
import { setHosting } from "./rollout-step-facts";

let t: TestDb;
let actor: Actor;

async function domain(name: string, opts: { policy: boolean; self?: boolean }) {
  const d = await addDomain(t.db, { name, displayName: name }, actor);
  if (!d.ok) throw new Error(d.error);
  if (opts.policy) {
    const draft = { mode: "testing" as const, maxAge: 86400, mx: [`mx.${name}`] };
    const p = await createPolicyVersion(t.db, d.value.id, draft, "create", actor);
    if (!p.ok) throw new Error(p.error);
  }
  if (opts.self) await setHosting(t.db, d.value.id, "self", actor);
}

beforeAll(async () => {
  installPeerStamp();
  t = await openTestDb();
  actor = await createTestActor(t.db);
  await domain("hosted.example", { policy: true });
  await domain("nopolicy.example", { policy: false });
  await domain("self.example", { policy: true, self: true });
});
afterAll(async () => t.close());

let serial = 0;
const asker = (env: Record<string, string> = {}) => {
  const cfg = tlsAskLimits(parseSettings(env));
  return publicEndpoint({ ...cfg, name: `t${process.pid}_${serial++}_${cfg.name}` }, (req) =>
    answerTlsAsk(req, t.db),
  );
};

const ask = (query: string, peer = "127.0.0.1") =>
  new Request(`http://127.0.0.1:3000/api/tls-ask${query}`, { headers: { [PEER_HEADER]: peer } });

describe("GET /api/tls-ask (STS-FETCH-1)", () => {
  it("approves only mta-sts.<domain hosted here with a current policy>", async () => {
    const table: [string, number][] = [
      ["?domain=mta-sts.hosted.example", 200],
      ["?domain=MTA-STS.Hosted.Example.", 200],
      ["?domain=mta-sts.nopolicy.example", 404], // managed, no policy yet
      ["?domain=mta-sts.self.example", 404], // the admin serves the file elsewhere
      ["?domain=mta-sts.unknown.example", 404], // not managed here
      ["?domain=hosted.example", 404], // not an mta-sts. name
      ["?domain=www.hosted.example", 404],
      ["?domain=mta-sts.hosted.example.evil.example", 404],
      ["?domain=mta-sts.mta-sts.hosted.example", 404],
      ["?domain=", 404],
      ["", 404],
    ];
    const answer = asker();
    const got: [string, number][] = [];
    for (const [q] of table) got.push([q, (await answer(ask(q))).status]);
    expect(got).toEqual(table);
    const yes = await answer(ask("?domain=mta-sts.hosted.example"));
    expect(yes.headers.get("cache-control")).toBe("no-store");
    expect(await yes.text()).toBe("ok\n");
  });

  it("is rate-limited too: 429 with Retry-After, which Caddy takes as a refusal", async () => {
    const answer = asker({ STS_POLICY_PER_MINUTE: "2" });
    const got = [];
    for (let i = 0; i < 3; i++) {
      const res = await answer(ask("?domain=mta-sts.hosted.example"));
      got.push(`${res.status} ${res.headers.get("retry-after") ?? "-"}`);
    }
    expect(got).toEqual(["200 -", "200 -", "429 60"]);
  });
});
