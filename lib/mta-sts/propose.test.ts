import fc from "fast-check";
import { parse } from "tldts";
import { describe, expect, it } from "vitest";
import { mxPatternMatches, mxPatternProblem, normalizeHost } from "./mx-pattern";
import { MAX_AGE_LIMIT } from "./policy-types";
import { proposeMaxAge, proposeMxPatterns, type CurrentPolicy } from "./propose";

/** The proposed patterns, space-separated, for exact comparison on one line. */
const proposed = (...hosts: string[]): string => proposeMxPatterns(hosts).patterns.join(" ");

describe("proposeMxPatterns: providers", () => {
  it("Google Workspace: exact hosts", () => {
    const google = ["aspmx.l.google.com", "alt1.aspmx.l.google.com", "alt2.aspmx.l.google.com"];
    const proposal = proposeMxPatterns([...google, "ALT3.aspmx.l.google.com."]);
    const hosts = [...google, "alt3.aspmx.l.google.com"];
    expect(proposal.patterns).toEqual(hosts);
    expect(proposal.provider).toEqual({ id: "google", name: "Google Workspace", hosts });
    expect(proposal.notes).toHaveLength(1);
    expect(proposal.notes[0]).toMatch(/^Google Workspace: .*smtp\.google\.com/);
    expect(proposed("smtp.google.com")).toBe("smtp.google.com");
  });

  it("Microsoft 365: both the outlook.com and the mx.microsoft shapes", () => {
    const outlook = "boldmere-bham-sch-uk.mail.protection.outlook.com";
    expect(proposed(outlook)).toBe("*.mail.protection.outlook.com");
    expect(proposed("onetech-dk.b-v1.mx.microsoft")).toBe("*.b-v1.mx.microsoft");
    const both = proposeMxPatterns([outlook, "boldmere-bham-sch-uk.c-v1.mx.microsoft"]);
    expect(both.patterns).toEqual(["*.mail.protection.outlook.com", "*.c-v1.mx.microsoft"]);
    expect(both.provider?.hosts).toHaveLength(2);
    expect(both.notes).toHaveLength(1);
    expect(both.notes[0]).toMatch(/^Microsoft 365: /);
  });

  it.each([
    "fastmail: in1-smtp.messagingengine.com in2-smtp.messagingengine.com → *.messagingengine.com",
    "proton: mail.protonmail.ch mailsec.protonmail.ch → mail.protonmail.ch mailsec.protonmail.ch",
    "zoho: mx.zoho.eu mx2.zoho.eu mx3.zoho.eu → mx.zoho.eu mx2.zoho.eu mx3.zoho.eu",
    "zoho: mx.zoho.com.au → mx.zoho.com.au",
    "icloud: mx01.mail.icloud.com mx02.mail.icloud.com → *.mail.icloud.com",
    "mimecast: eu-smtp-inbound-1.mimecast.com eu-smtp-inbound-2.mimecast.com → *.mimecast.com",
    "mimecast: za-smtp-inbound-1.mimecast.co.za → *.mimecast.co.za",
  ])("%s", (line) => {
    const [provider = "", hosts = "", patterns = ""] = line.split(/: | → /);
    const proposal = proposeMxPatterns(hosts.split(" "));
    expect(proposal.patterns.join(" ")).toBe(patterns);
    expect(proposal.provider?.id).toBe(provider);
    expect(proposal.notes).toHaveLength(1);
  });

  it("mixed providers: each keeps its pattern; the provider with most hosts is named", () => {
    const hosts = ["eu-1.mimecast.com", "t.mail.protection.outlook.com", "eu-2.mimecast.com"];
    const proposal = proposeMxPatterns([...hosts, "backup.example.net"]);
    expect(proposal.patterns.join(" ")).toBe(
      "*.mimecast.com *.mail.protection.outlook.com backup.example.net",
    );
    expect(proposal.provider?.id).toBe("mimecast");
    expect(proposal.notes.map((n) => n.split(":")[0])).toEqual(["Mimecast", "Microsoft 365"]);
    const tie = proposeMxPatterns([
      "t.mail.protection.outlook.com",
      "in1-smtp.messagingengine.com",
    ]);
    expect(tie.provider?.id).toBe("microsoft");
  });
});

describe("proposeMxPatterns: own hosts", () => {
  it("lists a single host, or hosts under different parents, exactly (STS-MX-2)", () => {
    expect(proposed("mx1.a.example.com", "mx2.b.example.com", "mx.example.net")).toBe(
      "mx1.a.example.com mx2.b.example.com mx.example.net",
    );
    const single = proposeMxPatterns(["MX.Example.COM."]);
    expect(single).toEqual({
      patterns: ["mx.example.com"],
      provider: null,
      notes: [],
      noteRefs: [],
    });
    expect(proposed("mx.münchen.example", "MX.xn--mnchen-3ya.example")).toBe(
      "mx.xn--mnchen-3ya.example",
    );
  });

  it("uses *.parent for two or more children below the registrable domain", () => {
    const proposal = proposeMxPatterns(["fb.mail.gandi.net", "spool.mail.gandi.net."]);
    expect(proposal.patterns).toEqual(["*.mail.gandi.net"]);
    expect(proposal.notes).toEqual([
      "*.mail.gandi.net covers fb.mail.gandi.net, spool.mail.gandi.net, and also any other host directly under mail.gandi.net with a valid certificate (RFC 8461 §10.4).",
    ]);
    expect(proposed("mx1.mail.münchen.example", "mx2.mail.xn--mnchen-3ya.example")).toBe(
      "*.mail.xn--mnchen-3ya.example",
    );
  });

  it("lists hosts exactly when the wildcard would cover the whole domain (STS-POL-9)", () => {
    const proposal = proposeMxPatterns(["mxext1.mailbox.org", "mxext2.mailbox.org"]);
    expect(proposal.patterns).toEqual(["mxext1.mailbox.org", "mxext2.mailbox.org"]);
    expect(proposal.notes).toEqual([
      "hosts under mailbox.org are listed exactly: *.mailbox.org would admit every host in that domain with a valid certificate (STS-POL-9).",
    ]);
  });

  it("refuses wildcards over public suffixes, ICANN and private", () => {
    const coUk = proposeMxPatterns(["example.co.uk", "other.co.uk"]);
    expect(coUk.patterns).toEqual(["example.co.uk", "other.co.uk"]);
    expect(coUk.notes).toEqual([
      "co.uk is a public suffix: *.co.uk would admit hosts run by anyone (STS-POL-9).",
    ]);
    const pages = proposeMxPatterns(["alice.github.io", "bob.github.io"]);
    expect(pages.patterns).toEqual(["alice.github.io", "bob.github.io"]);
    expect(pages.notes[0]).toMatch(/^github\.io is a public suffix/);
  });

  it("null MX, no MX and unusable hosts", () => {
    const nullMx = proposeMxPatterns(["."]);
    expect(nullMx.patterns).toEqual([]);
    expect(nullMx.notes[0]).toMatch(/null MX .*mode none is the only sensible policy/);
    expect(proposeMxPatterns([]).notes).toEqual([
      "No MX records were found: add MX records before publishing a policy.",
    ]);
    const messy = proposeMxPatterns([".", "192.0.2.1", "mx .example.com", "mx.example.com"]);
    expect(messy.patterns).toEqual(["mx.example.com"]);
    expect(messy.notes).toHaveLength(3);
  });
});

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
const parent = fc.constantFrom(
  ...["example.com", "mail.example.com", "co.uk", "github.io", "mx.example.org", "mail.gandi.net"],
  ...["mail.protection.outlook.com", "b-v1.mx.microsoft", "aspmx.l.google.com", "google.com"],
  ...["messagingengine.com", "protonmail.ch", "zoho.eu", "mail.icloud.com", "mimecast.com"],
  ...["xn--mnchen-3ya.example", "münchen.example", "com", "localhost"],
);
const mxHost = fc.oneof(
  fc
    .tuple(label, parent, fc.boolean(), fc.constantFrom("", "."))
    .map(([l, p, up, dot]) => (up ? `${l}.${p}`.toUpperCase() : `${l}.${p}`) + dot),
  fc.constantFrom("mail.protonmail.ch", "alt2.aspmx.l.google.com", "mx2.zoho.eu", "."),
  fc.domain(),
);
const PROVIDER_WILDCARD = /outlook|microsoft|messagingengine|icloud|mimecast/;

describe("proposeMxPatterns properties", () => {
  it("valid patterns that cover every usable host and nothing superfluous", () => {
    fc.assert(
      fc.property(fc.array(mxHost, { maxLength: 6 }), (hosts) => {
        const { patterns } = proposeMxPatterns(hosts);
        const usable = hosts.filter((h) => mxPatternProblem(normalizeHost(h) ?? "") === null);
        for (const p of patterns) expect(mxPatternProblem(p)).toBeNull();
        for (const h of usable) expect(patterns.some((p) => mxPatternMatches(p, h))).toBe(true);
        for (const p of patterns) expect(usable.some((h) => mxPatternMatches(p, h))).toBe(true);
        for (const p of patterns.filter((x) => x.startsWith("*.") && !PROVIDER_WILDCARD.test(x))) {
          const info = parse(p.slice(2), { allowPrivateDomains: true });
          expect(info.domain !== null && info.domain !== p.slice(2)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe("proposeMaxAge", () => {
  const now = new Date("2025-03-01T00:00:00Z");
  const ago = (d: number): Date => new Date(now.getTime() - d * 86400_000);
  const enforce = (maxAge: number, d: number) => ({
    mode: "enforce" as const,
    maxAge,
    since: ago(d),
  });
  const ramp = (current: CurrentPolicy | null): unknown[] => {
    const { maxAge, next } = proposeMaxAge("enforce", current, now);
    return [maxAge, next?.maxAge, next?.after.toISOString().slice(0, 10)];
  };

  it("testing and none: one day", () => {
    expect(proposeMaxAge("testing", enforce(604800, 3), now).maxAge).toBe(86400);
    expect(proposeMaxAge("testing", null, now).reason).toMatch(/STS-OPS-10/);
    expect(proposeMaxAge("none", enforce(MAX_AGE_LIMIT, 400), now).maxAge).toBe(86400);
    expect(proposeMaxAge("none", null, now).reason).toMatch(/STS-OPS-9/);
  });

  it("enforce ramps 1 day → 1 week → 2 weeks → the RFC cap", () => {
    const testing = { mode: "testing" as const, maxAge: 86400, since: ago(20) };
    expect(ramp(testing)).toEqual([86400, 604800, "2025-03-08"]);
    expect(ramp(null)).toEqual([86400, 604800, "2025-03-08"]);
    expect(ramp(enforce(86400, 3))).toEqual([86400, 604800, "2025-03-05"]);
    expect(ramp(enforce(86400, 7))).toEqual([604800, 1209600, "2025-03-08"]);
    expect(ramp(enforce(604800, 6))).toEqual([604800, 1209600, "2025-03-02"]);
    expect(ramp(enforce(604800, 7))).toEqual([1209600, MAX_AGE_LIMIT, "2025-03-15"]);
    expect(ramp(enforce(1209600, 13))).toEqual([1209600, MAX_AGE_LIMIT, "2025-03-02"]);
    expect(ramp(enforce(1209600, 14))).toEqual([MAX_AGE_LIMIT, undefined, undefined]);
    expect(ramp(enforce(MAX_AGE_LIMIT, 1))).toEqual([MAX_AGE_LIMIT, undefined, undefined]);
    expect(proposeMaxAge("enforce", enforce(1209600, 14), now).reason).toMatch(/STS-POL-8/);
    expect(proposeMaxAge("enforce", enforce(86400, 7), now).reason).toMatch(/STS-OPS-8/);
  });

  it("never exceeds the cap, keeps off-ramp values until due, restarts below a day", () => {
    expect(ramp(enforce(99_999_999, 0))).toEqual([MAX_AGE_LIMIT, undefined, undefined]);
    expect(ramp(enforce(2592000, 10))).toEqual([2592000, MAX_AGE_LIMIT, "2025-03-21"]);
    expect(ramp(enforce(2592000, 30))).toEqual([MAX_AGE_LIMIT, undefined, undefined]);
    expect(ramp(enforce(3600, 30))).toEqual([86400, 604800, "2025-03-08"]);
    // The clock went backwards: keep the value, wait a week from its start.
    expect(ramp(enforce(604800, -2))).toEqual([604800, 1209600, "2025-03-10"]);
  });
});
