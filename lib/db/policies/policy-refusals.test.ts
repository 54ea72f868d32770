import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inUserLanguage } from "@/i18n/api-errors";
import type { Failure } from "@/lib/core/failure";
import { failed } from "@/lib/http/errors";
import { MESSAGES } from "@/lib/i18n/messages";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { addDomain, type Actor } from "../domains/domains";
import { createPolicyVersion, listPolicyVersions, savePolicyVersion } from "./policies";

// Issue 16 §6: the policy API's refusals from savePolicyVersion answer in the user's
// language. A refused draft joins the parser's errors; each carries its "diagnostics"
// message, translated one by one and joined the same way. The English stays as it was.

let t: TestDb;
let actor: Actor;
let domainId: string;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
  const d = await addDomain(t.db, { name: "example.org", displayName: "example.org" }, actor);
  if (!d.ok) throw new Error(d.error);
  domainId = d.value.id;
});
afterAll(async () => t.close());

const translator = (namespace: "diagnostics" | "apiErrors") =>
  createTranslator({ locale: "en", messages: MESSAGES.en, namespace });
const render = (namespace: "diagnostics" | "apiErrors", ref: MessageRef) => {
  const tr = translator(namespace);
  return tr(ref.key as Parameters<typeof tr>[0], ref.params);
};

const answer = async (f: Failure, acceptLanguage: string, userLocale: string | null = null) => {
  const req = new Request("http://localhost/api/x", {
    headers: { "accept-language": acceptLanguage },
  });
  const res = inUserLanguage(failed(f), req, userLocale);
  return [res.status, ((await res.json()) as { error: string }).error];
};

const refusal = async (draft: Parameters<typeof savePolicyVersion>[2], id = domainId) => {
  const r = await savePolicyVersion(t.db, id, draft, "edit", actor);
  if (r.ok) throw new Error("saved");
  return r.error;
};

describe("savePolicyVersion's refusals", () => {
  it("a refused draft: the parser's errors joined, each with its diagnostics message", async () => {
    const before = (await listPolicyVersions(t.db, domainId)).length;
    const f = await refusal({
      mode: "enforce",
      maxAge: 99999999999,
      mx: ["-a.example", "mx1.example.org"],
    });
    expect((await listPolicyVersions(t.db, domainId)).length).toBe(before);
    expect(f.kind).toBe("invalid");
    expect(f.message).toBe(
      '"-a.example" is not a valid host name: each label must be 1 to 63 letters, digits or hyphens, and must not start or end with a hyphen. max_age must be a whole number of seconds (1 to 10 digits, no sign or unit), not "99999999999".',
    );
    expect(f.ref).toBeUndefined();
    expect(f.diagnosticRefs?.map((r) => r.key)).toEqual([
      "STS-POL-9.badLabel",
      "STS-POL-8.notNumber",
    ]);
    expect(f.diagnosticRefs?.map((r) => render("diagnostics", r)).join(" ")).toBe(f.message);
    expect(await answer(f, "de-DE")).toEqual([
      400,
      "„-a.example“ ist kein gültiger Hostname: Jedes Label muss aus 1 bis 63 Buchstaben, Ziffern oder Bindestrichen bestehen und darf nicht mit einem Bindestrich beginnen oder enden. max_age muss eine ganze Zahl von Sekunden sein (1 bis 10 Ziffern, ohne Vorzeichen oder Einheit), nicht „99999999999“.",
    ]);
    expect(await answer(f, "de-DE", "en")).toEqual([400, f.message]);
  });

  it("a policy without mx lines, in German", async () => {
    const f = await refusal({ mode: "testing", maxAge: 86400, mx: [] });
    expect(f.message).toBe(
      'A policy in testing mode needs at least one "mx:" line naming your MX hosts.',
    );
    expect(await answer(f, "en-US", "de")).toEqual([
      400,
      "Eine Richtlinie im Modus testing braucht mindestens eine „mx:“-Zeile, die Ihre MX-Hosts nennt.",
    ]);
  });

  it("a domain removed meanwhile", async () => {
    const f = await refusal({ mode: "testing", maxAge: 86400, mx: ["mx.example.org"] }, "nope");
    expect([f.kind, f.message, f.ref]).toEqual([
      "invalid",
      "That domain is no longer on the list.",
      { key: "domainGone" },
    ]);
    expect(render("apiErrors", f.ref!)).toBe(f.message);
    expect(await answer(f, "de")).toEqual([400, "Diese Domain steht nicht mehr in der Liste."]);
  });

  it("createPolicyVersion keeps the English refusal for seeds and scripts", async () => {
    const r = await createPolicyVersion(
      t.db,
      domainId,
      { mode: "testing", maxAge: 86400, mx: [] },
      "edit",
      actor,
    );
    expect(r).toEqual({
      ok: false,
      error: 'A policy in testing mode needs at least one "mx:" line naming your MX hosts.',
    });
  });
});
