// §14.4 MX TLS, run against every MX host (STS-OPS-12) and every A/AAAA address of it:
// CHK-MX-3…8 per address (results carry `address`), CHK-MX-10 per host.
import {
  hostPort,
  lookupEvidence,
  MAX_ADDRESSES_PER_HOST,
  splitAddresses,
  type ProbeContext,
} from "./context";
import { judgeMxTls } from "./judge-mx-tls";
import { modeAware, result, untested } from "./result";
import { ct } from "./text";
import { probeSmtp, type SmtpProbeOutcome, type TlsVariant } from "./smtp-probe";
import type { CheckResult, PolicyMode } from "./types";

/** Checks whose "error" turns into "warning" in testing mode (§14 mode-aware). */
const MODE_AWARE = new Set(["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"]);
const TLS_IDS = ["CHK-MX-4", "CHK-MX-5", "CHK-MX-7", "CHK-MX-8"];

export function applyMode(results: CheckResult[], mode: PolicyMode | null): CheckResult[] {
  return results.map((r) =>
    MODE_AWARE.has(r.id) && r.severity === "error" ? { ...r, severity: modeAware(mode) } : r,
  );
}

/** Probes one MX host; emits its results once the policy mode is known. */
export async function checkMxHost(
  ctx: ProbeContext,
  host: string,
  mode: Promise<PolicyMode | null>,
): Promise<void> {
  const [tls, dane] = await Promise.all([probeHost(ctx, host), checkDane(ctx, host)]);
  applyMode([...tls, dane], await mode).forEach(ctx.emit);
}

async function probeHost(ctx: ProbeContext, host: string): Promise<CheckResult[]> {
  const lookup = await ctx.dns.addresses(host);
  if (lookup.status === "error") {
    return [
      untested("CHK-MX-3", ct("mx.lookupFailed"), lookupEvidence(host, lookup), host),
      ...TLS_IDS.map((id) => untested(id, ct("mx.notTested"), ct("mx.unresolved", { host }), host)),
    ];
  }
  if (lookup.status !== "ok") {
    return [
      result(
        "CHK-MX-3",
        "error",
        ct("mx.noAddress"),
        lookupEvidence(host, lookup),
        ct("mx.noAddressFix", { host }),
        host,
      ),
      ...TLS_IDS.map((id) =>
        untested(id, ct("mx.notTested"), ct("mx.noAddressEvidence", { host }), host),
      ),
    ];
  }
  const split = splitAddresses(lookup.records, ctx.allowPrivate);
  if (split.allowed.length === 0) {
    return [
      result(
        "CHK-NET-1",
        "warning",
        ct("mx.noPublic"),
        `${host}: ${split.refused.join(", ")}`,
        ct("mx.noPublicFix", { host }),
        host,
      ),
      untested(
        "CHK-MX-3",
        ct("mx.port25NotTested"),
        ct("mx.onlyNonPublic", { host, addresses: split.refused.join(", ") }),
        host,
      ),
      ...TLS_IDS.map((id) =>
        untested(id, ct("mx.notTested"), ct("mx.notContacted", { host }), host),
      ),
    ];
  }
  const out: CheckResult[] = [];
  if (split.refused.length > 0) {
    out.push(
      result(
        "CHK-NET-1",
        "warning",
        ct("mx.somePrivate"),
        `${host}: ${split.refused.join(", ")}`,
        ct("mx.somePrivateFix", { host }),
        host,
      ),
      ...split.refusedIps.map((ip) => ({
        ...untested("CHK-MX-3", ct("mx.port25NotTested"), ct("host.notPublic", { ip }), host),
        address: ip,
      })),
    );
  }
  const probed = split.allowed.slice(0, MAX_ADDRESSES_PER_HOST);
  for (const ip of split.allowed.slice(MAX_ADDRESSES_PER_HOST)) {
    out.push({
      ...untested(
        "CHK-MX-3",
        ct("mx.port25NotTested"),
        ct("mx.tooMany", { ip, max: String(MAX_ADDRESSES_PER_HOST) }),
        host,
      ),
      address: ip,
    });
  }
  // Every address on its own (a sender may pick any of them); the connection limit bounds
  // how many sessions run at once across the whole check.
  const perAddress = await Promise.all(probed.map((ip) => probeAddress(ctx, host, ip)));
  return [...out, ...perAddress.flat()];
}

async function probeAddress(ctx: ProbeContext, host: string, ip: string): Promise<CheckResult[]> {
  const run = (variant: TlsVariant): Promise<SmtpProbeOutcome> =>
    ctx.limit(() =>
      probeSmtp({
        ip,
        port: ctx.smtpPort,
        ehloName: ctx.ehloName,
        ca: ctx.ca,
        timeoutMs: ctx.stepTimeoutMs,
        signal: ctx.signal,
        tls: variant,
        now: ctx.now(),
      }),
    );
  // One connection at a time per address: the main session with SNI, then without SNI
  // (TLS-6), then TLS 1.0/1.1 only (TLS-7).
  const main = await run({ servername: host });
  const cert = main.tls?.cert;
  if (cert)
    ctx.noteCert({
      role: "mx",
      host,
      address: ip,
      subject: cert.subject,
      validTo: cert.validTo,
      fingerprint256: cert.fingerprint256,
    });
  const reachedTls = main.starttlsOffered && main.starttlsReply?.startsWith("220") === true;
  const noSni = main.tls ? await run({ servername: null }) : null;
  const legacy = reachedTls
    ? await run({
        servername: host,
        minVersion: "TLSv1",
        maxVersion: "TLSv1.1",
        ciphers: "DEFAULT@SECLEVEL=0",
      })
    : null;
  const where = `${host} (${hostPort(ip, ctx.smtpPort)})`;
  return judgeMxTls({ host, address: ip, where, main, noSni, legacy });
}

/** CHK-MX-10 / DANE-2: TLSA presence, info only (no DNSSEC validation here). */
async function checkDane(ctx: ProbeContext, host: string): Promise<CheckResult> {
  const name = `_25._tcp.${host}`;
  const lookup = await ctx.dns.tlsa(name);
  if (lookup.status === "error") {
    return untested("CHK-MX-10", ct("mx.tlsaLookupFailed"), lookupEvidence(name, lookup), host);
  }
  if (lookup.records.length === 0) {
    return result("CHK-MX-10", "info", ct("mx.noTlsa"), lookupEvidence(name, lookup), "", host);
  }
  const usages = lookup.records.map((t) => `${t.usage} ${t.selector} ${t.matchingType}`).join(", ");
  const hasEe = lookup.records.some((t) => t.usage === 3);
  const pkix = lookup.records.some((t) => t.usage < 2);
  const notes = hasEe ? ct(pkix ? "mx.daneEeAndPkix" : "mx.daneEe") : pkix ? ct("mx.danePkix") : "";
  return result(
    "CHK-MX-10",
    "info",
    ct("mx.tlsa"),
    ct("mx.tlsaEvidence", { name, usages }),
    notes,
    host,
  );
}
