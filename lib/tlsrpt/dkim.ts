// RPT-DELIV-7 (RFC 8460 §3): report mail MUST carry a valid DKIM signature from the
// reporting domain. mailauth verifies the signatures; DNS goes through the resolver the
// caller passes in (the app's own DNS client, lib/dns), so a lab DNS can publish test keys.
// Only mailauth's DKIM module is imported: its main entry loads undici 8, which does not
// load on Node 20 (stack notes).
import { dkimVerify } from "mailauth/lib/dkim/verify";
import type { DnsClient } from "@/lib/dns/resolver";

/** What one message's signatures say, before alignment with a report (report-auth.ts). */
export interface DkimVerdict {
  /** d= of every signature that passed (no l=), in message order. */
  passed: string[];
  /** d= of every other signature (failed, unverifiable, or with l=). */
  failed: string[];
}

/** mailauth's resolver contract: like dns.promises.resolve, errors carry ENOTFOUND etc. */
export type DkimResolver = (name: string, rrtype: string) => Promise<string[][]>;

class DnsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * RFC 8460 §3: a key for report mail SHOULD declare s=tlsrpt. mailauth verifies for the
 * email service and ignores a key whose s= names neither "email" nor "*" (RFC 6376
 * §3.6.1), so a tlsrpt-only key would never verify. Report mail is the tlsrpt service:
 * such a key is offered to mailauth with "email" added; keyServices still sees "tlsrpt".
 */
export function asReportKey(record: string): string {
  return record.replace(
    /(^|;)(\s*s\s*=)([^;]*)/,
    (whole, start: string, tag: string, v: string) => {
      const services = v.split(":").map((x) => x.trim().toLowerCase());
      if (!services.includes("tlsrpt") || services.includes("email") || services.includes("*"))
        return whole;
      return `${start}${tag}${v.trimEnd()}:email`;
    },
  );
}

/** The app's DNS client as a DKIM key resolver (only TXT is ever asked for). */
export function dkimResolver(dns: Pick<DnsClient, "txt">): DkimResolver {
  return async (name, rrtype) => {
    if (rrtype !== "TXT") throw new DnsError("ENOTIMP", `${rrtype} is not looked up for DKIM`);
    const r = await dns.txt(name);
    if (r.status === "ok") return r.records.map((chunks) => [asReportKey(chunks.join(""))]);
    if (r.status === "nxdomain") throw new DnsError("ENOTFOUND", `${name}: no such name`);
    if (r.status === "nodata") throw new DnsError("ENODATA", `${name}: no TXT record`);
    throw new DnsError("ESERVFAIL", `${name}: ${r.error ?? "DNS error"}`);
  };
}

export interface VerifyOptions {
  /** RPT-DELIV-7 (RFC 8460 §3 MAY, STS_DKIM_REQUIRE_TLSRPT): a passing signature counts
   * only when its key record's s= lists "tlsrpt" (or "*", the default when s= is absent). */
  requireTlsrptService?: boolean;
  now?: Date;
}

/** The service types of a key record (RFC 6376 §3.6.1 s=; "*" when absent). */
export function keyServices(rr: string | undefined): string[] {
  const tag = (rr ?? "")
    .split(";")
    .map((t) => t.trim())
    .find((t) => /^s\s*=/.test(t));
  if (!tag) return ["*"];
  return tag
    .slice(tag.indexOf("=") + 1)
    .split(":")
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
}

/** Verifies every DKIM signature of a raw message. Never throws for a bad message. */
export async function verifyDkim(
  message: Uint8Array,
  resolver: DkimResolver,
  opts: VerifyOptions = {},
): Promise<DkimVerdict> {
  const now = opts.now ?? new Date();
  const out: DkimVerdict = { passed: [], failed: [] };
  let res;
  try {
    res = await dkimVerify(Buffer.from(message), { resolver, curTime: now });
  } catch {
    return out; // unparseable header section: no signature can be trusted
  }
  for (const r of res.results) {
    const d = r.signingDomain?.toLowerCase();
    if (!d) continue; // "none": the message is not signed
    // RPT-DELIV-7: a signature with l= does not count, whatever its result.
    const services = keyServices(r.rr);
    const serviceOk =
      !opts.requireTlsrptService || services.includes("*") || services.includes("tlsrpt");
    if (r.status.result === "pass" && !r.canonBodyLengthLimited && serviceOk) out.passed.push(d);
    else out.failed.push(d);
  }
  return out;
}
