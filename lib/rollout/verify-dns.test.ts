// Step 4 and issue 15 item 5: the expected TLS-RPT record always lists this installation's
// address first (Microsoft sends reports only to the first rua), keeping the others; a
// published record with ours second is a mismatch that says why. Real DNS on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, type DnsServerHandle } from "../../e2e/servers/dns-server";
import { createDnsClient, type DnsClient } from "@/lib/dns/resolver";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import { verifyDns } from "./verify-dns";

let server: DnsServerHandle;
let dns: DnsClient;
const OURS = "mailto:tlsrpt@sts.example.net";
const txt = (name: string, value: string) => ({ name, type: "TXT" as const, strings: [value] });

beforeAll(async () => {
  server = await startDnsServer([
    txt("_smtp._tls.second.test", `v=TLSRPTv1; rua=mailto:vendor@second.test,${OURS}`),
    txt("_smtp._tls.first.test", `v=TLSRPTv1; rua=${OURS},mailto:vendor@first.test`),
    txt("_smtp._tls.missing.test", "v=TLSRPTv1; rua=mailto:vendor@missing.test"),
    txt("_mta-sts.bad.test", "v=STSv1; id=2024-05-17;;"),
    txt("_smtp._tls.bad.test", "v=TLSRPTv1; rua=nope:x"),
    txt("_mta-sts.id.test", "v=STSv1; id=20250101T000000Z"),
  ]);
  dns = createDnsClient({ servers: [server.address], timeoutMs: 2000 });
});
afterAll(() => server?.close());

describe("step 4: the TLS-RPT record puts this installation's rua first", () => {
  it("ours second: mismatch, and the expected record moves ours to the front", async () => {
    const r = await verifyDns("second.test", null, [OURS], dns);
    expect(r.tlsRpt.status).toBe("mismatch");
    expect(r.tlsRpt.expected).toBe(`v=TLSRPTv1; rua=${OURS},mailto:vendor@second.test`);
    expect(r.tlsRpt.notes).toEqual([
      `mailto:vendor@second.test comes first in rua: Microsoft sends reports only to the first rua address, so put ${OURS} first`,
    ]);
  });

  it("ours first: match, the other destination kept and named", async () => {
    const r = await verifyDns("first.test", null, [OURS], dns);
    expect(r.tlsRpt.status).toBe("match");
    expect(r.tlsRpt.expected).toBe(`v=TLSRPTv1; rua=${OURS},mailto:vendor@first.test`);
    expect(r.tlsRpt.notes).toEqual(["Reports also go to mailto:vendor@first.test."]);
  });

  it("ours missing: mismatch naming it", async () => {
    const r = await verifyDns("missing.test", null, [OURS], dns);
    expect(r.tlsRpt.status).toBe("mismatch");
    expect(r.tlsRpt.expected).toBe(`v=TLSRPTv1; rua=${OURS},mailto:vendor@missing.test`);
    expect(r.tlsRpt.notes).toEqual([
      `rua does not include ${OURS}: reports will not reach this installation`,
    ]);
  });
});

describe("step 4: the record parser's errors as notes with their refs (issue 16 §6)", () => {
  const de = createTranslator({ locale: "de", messages: MESSAGES.de, namespace: "diagnostics" });

  it("an invalid _mta-sts record: each error a note, its ref beside it, German from the ref", async () => {
    const r = await verifyDns("bad.test", "20250301T120000Z", [OURS], dns);
    expect(r.sts.status).toBe("invalid");
    expect(r.sts.notes).toEqual([
      'Remove the empty field (";;").',
      'The id "2024-05-17" is invalid: use 1 to 32 letters and digits only, for example a UTC timestamp like 20250301T120000Z.',
    ]);
    expect(r.sts.noteRefs).toEqual([
      { key: "TXT-FIELDS.emptyField" },
      { key: "STS-TXT-4.badId", params: { value: "2024-05-17" } },
    ]);
    expect(
      r.sts.noteRefs?.map((ref) => ref && de(ref.key as "STS-TXT-4.badId", ref.params)),
    ).toEqual([
      "Entfernen Sie das leere Feld („;;“).",
      "Die id „2024-05-17“ ist ungültig: Verwenden Sie nur 1 bis 32 Buchstaben und Ziffern, zum Beispiel einen UTC-Zeitstempel wie 20250301T120000Z.",
    ]);
  });

  it("an invalid _smtp._tls record's note carries its ref (RPT-TXT-3)", async () => {
    const r = await verifyDns("bad.test", null, [OURS], dns);
    expect(r.tlsRpt.status).toBe("invalid");
    expect(r.tlsRpt.notes).toEqual([
      '"nope:x" uses the scheme "nope:": only mailto: and https: are defined.',
    ]);
    expect(r.tlsRpt.noteRefs).toEqual([
      { key: "RPT-TXT-3.otherScheme", params: { uri: "nope:x", scheme: "nope" } },
    ]);
    const ref = r.tlsRpt.noteRefs?.[0];
    expect(ref && de(ref.key as "RPT-TXT-3.otherScheme", ref.params)).toBe(
      "„nope:x“ verwendet das Schema „nope:“: Definiert sind nur mailto: und https:.",
    );
  });

  it("step 4's own notes carry refs: English from each equals the note, German exists, every key reached", async () => {
    const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "diagnostics" });
    // A resolver nobody answers: the lookups fail.
    const silent = createDnsClient({ servers: ["127.0.0.1:9"], timeoutMs: 200 });
    const runs = await Promise.all([
      verifyDns("first.test", null, [OURS], dns),
      verifyDns("first.test", null, [], dns),
      verifyDns("second.test", null, [OURS], dns),
      verifyDns("missing.test", null, [OURS], dns),
      verifyDns("id.test", "20250301T120000Z", [OURS], dns),
      verifyDns("id.test", null, [OURS], dns),
      verifyDns("down.test", null, [OURS], silent),
    ]);
    const notes = runs.flatMap((r) =>
      [r.sts, r.tlsRpt].flatMap((c) => c.notes.map((text, i) => ({ text, ref: c.noteRefs?.[i] }))),
    );
    expect(notes.filter((n) => !n.ref)).toEqual([]);
    const render = (t: typeof en, ref: { key: string; params?: Record<string, string | number> }) =>
      t(ref.key as "verifyDns.alsoTo", ref.params as { destinations: string });
    expect(notes.filter((n) => n.ref && render(en, n.ref) !== n.text)).toEqual([]);
    const own = Object.keys(MESSAGES.en.diagnostics.verifyDns).map((k) => `verifyDns.${k}`);
    const reached = new Set(notes.map((n) => n.ref?.key));
    expect(own.filter((k) => !reached.has(k))).toEqual([]);
    const german = (key: string) => {
      const n = notes.find((x) => x.ref?.key === key);
      return n?.ref && render(de, n.ref);
    };
    expect(german("verifyDns.idMismatch")).toBe(
      "Der Eintrag trägt die id 20250101T000000Z; ausgeliefert wird die Version 20250301T120000Z.",
    );
    expect(german("verifyDns.notFirst")).toBe(
      `mailto:vendor@second.test steht in rua an erster Stelle: Microsoft sendet TLS-Berichte nur an die erste rua-Adresse; setzen Sie daher ${OURS} an den Anfang`,
    );
    expect(german("verifyDns.noStsRecord")).toBe("Kein v=STSv1-Eintrag unter _mta-sts.first.test.");
  });
});
