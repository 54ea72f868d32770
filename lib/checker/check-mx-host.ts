// §14.4 MX TLS, run against every MX host (STS-OPS-12): CHK-MX-3…8 and CHK-MX-10.
import { lookupProblem, pickAddress, type ProbeContext } from "./context";
import { judgeMxTls } from "./judge-mx-tls";
import { modeAware, result, untested } from "./result";
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
      untested(
        "CHK-MX-3",
        "Could not resolve the MX host",
        `${host}: ${lookupProblem(lookup)}`,
        host,
      ),
      ...TLS_IDS.map((id) => untested(id, "Not tested", `${host} could not be resolved`, host)),
    ];
  }
  if (lookup.status !== "ok") {
    return [
      result(
        "CHK-MX-3",
        "error",
        "MX host does not resolve",
        `${host}: ${lookupProblem(lookup)}`,
        `Fix the MX record or create A/AAAA records for ${host}: senders cannot deliver to it.`,
        host,
      ),
      ...TLS_IDS.map((id) => untested(id, "Not tested", `${host} has no address`, host)),
    ];
  }
  const picked = pickAddress(lookup.records, ctx.allowPrivate);
  if (picked.ip === null) {
    return [
      result(
        "CHK-NET-1",
        "warning",
        "MX host has no public address",
        `${host}: ${picked.refused.join(", ")}`,
        `Point ${host} at a public address: senders on the internet cannot reach private or special-purpose addresses. (The checker does not connect to them.)`,
        host,
      ),
      untested(
        "CHK-MX-3",
        "Port 25 not tested",
        `${host} resolves only to non-public addresses (${picked.refused.join(", ")}); the checker refuses to connect there`,
        host,
      ),
      ...TLS_IDS.map((id) => untested(id, "Not tested", `${host} was not contacted`, host)),
    ];
  }
  const ip = picked.ip;
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
  // One connection at a time per host: the main session with SNI, then without SNI (TLS-6),
  // then TLS 1.0/1.1 only (TLS-7). Hosts run in parallel with each other.
  const main = await run({ servername: host });
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
  const where = `${host} (${ip}:${ctx.smtpPort})`;
  return judgeMxTls({ host, where, main, noSni, legacy, others: lookup.records.length - 1 });
}

/** CHK-MX-10 / DANE-2: TLSA presence, info only (no DNSSEC validation here). */
async function checkDane(ctx: ProbeContext, host: string): Promise<CheckResult> {
  const name = `_25._tcp.${host}`;
  const lookup = await ctx.dns.tlsa(name);
  if (lookup.status === "error") {
    return untested(
      "CHK-MX-10",
      "Could not look up TLSA records",
      `${name}: ${lookupProblem(lookup)}`,
      host,
    );
  }
  if (lookup.records.length === 0) {
    return result(
      "CHK-MX-10",
      "info",
      "No DANE TLSA records",
      `${name}: ${lookupProblem(lookup)}`,
      "",
      host,
    );
  }
  const usages = lookup.records.map((t) => `${t.usage} ${t.selector} ${t.matchingType}`).join(", ");
  const hasEe = lookup.records.some((t) => t.usage === 3);
  const pkix = lookup.records.some((t) => t.usage < 2);
  const notes = [
    hasEe
      ? "DANE-EE does not check the certificate's name or expiry, but MTA-STS senders still do: keep a WebPKI certificate that names this host."
      : "",
    pkix ? "Usages 0/1 (PKIX-TA/EE) are not meant for SMTP: publish usage 3 or 2 instead." : "",
  ].filter(Boolean);
  return result(
    "CHK-MX-10",
    "info",
    "DANE TLSA records present",
    `${name}: TLSA ${usages} (DNSSEC not validated by the checker)`,
    notes.join(" "),
    host,
  );
}
