// CHK-MX-5…8 for one address of an MX host: the certificate (TLS-5) and the handshake
// variants without SNI (TLS-6) and with TLS 1.0/1.1 only (TLS-7). Pure: no network here.
import { certificateCoversHost } from "../mta-sts/cert-name";
import { certEvidence, chainProblem } from "./cert-info";
import type { MxTlsInput } from "./judge-mx-tls";
import { result, untested } from "./result";
import type { CheckResult } from "./types";

/** CHK-MX-5 and CHK-MX-6: trusted chain, not expired, SAN names the MX host (TLS-5). */
export function judgeCertificate(input: MxTlsInput): CheckResult[] {
  const { host, where, main } = input;
  const tls = main.tls;
  if (tls === null) {
    return [
      untested("CHK-MX-5", "Certificate not checked", `${where}: no TLS 1.2+ session`, host),
      untested("CHK-MX-6", "Expiry not checked", `${where}: no TLS 1.2+ session`, host),
    ];
  }
  const cert = tls.cert;
  if (cert === null)
    return [
      result(
        "CHK-MX-5",
        "error",
        "No certificate presented",
        where,
        `Configure a certificate for ${host}.`,
        host,
      ),
    ];
  const problems: string[] = [];
  if (!tls.chainValid) problems.push(chainProblem(tls.chainError ?? "unknown"));
  if (!certificateCoversHost(cert.sanDnsNames, host))
    problems.push(`no SAN dNSName covers ${host} (the subject CN does not count)`);
  const evidence = `${where}: ${certEvidence(cert)}`;
  const out: CheckResult[] = [];
  if (problems.length > 0) {
    out.push(
      result(
        "CHK-MX-5",
        "error",
        `Certificate not valid for MTA-STS: ${problems[0]}`,
        evidence,
        `Install a publicly trusted, unexpired certificate on ${host} whose subjectAltName lists ${host} (or a *.parent wildcard), with the full chain. Problems: ${problems.join("; ")}.`,
        host,
      ),
    );
  } else {
    out.push(
      result("CHK-MX-5", "ok", "Certificate is trusted and names the host", evidence, "", host),
    );
  }
  if (cert.daysLeft >= 0 && cert.daysLeft < 14) {
    out.push(
      result(
        "CHK-MX-6",
        "warning",
        `Certificate expires in ${cert.daysLeft} days`,
        evidence,
        `Renew the certificate on ${host} now and check automatic renewal.`,
        host,
      ),
    );
  } else if (cert.daysLeft >= 14) {
    out.push(
      result(
        "CHK-MX-6",
        "ok",
        `Certificate valid for ${cert.daysLeft} more days`,
        evidence,
        "",
        host,
      ),
    );
  }
  return out;
}

/** CHK-MX-7 (TLS-6) and CHK-MX-8 (TLS-7). */
export function judgeVariants(input: MxTlsInput): CheckResult[] {
  const { host, where, main, noSni, legacy } = input;
  const out: CheckResult[] = [];
  if (main.tls === null || noSni === null) {
    out.push(
      untested(
        "CHK-MX-7",
        "Handshake without SNI not tested",
        `${where}: no TLS session with SNI either`,
        host,
      ),
    );
  } else if (noSni.tls) {
    out.push(
      result(
        "CHK-MX-7",
        "ok",
        "Handshake without SNI works",
        `${where}: ${noSni.tls.protocol}; ${noSni.tls.cert ? certEvidence(noSni.tls.cert) : "no certificate"}`,
        "",
        host,
      ),
    );
  } else if (noSni.failure?.kind === "aborted" || noSni.failure?.kind === "timeout") {
    out.push(
      untested(
        "CHK-MX-7",
        "Handshake without SNI not finished",
        `${where}: ${noSni.failure.message}`,
        host,
      ),
    );
  } else {
    out.push(
      result(
        "CHK-MX-7",
        "warning",
        "Handshake without SNI fails",
        `${where}: ${noSni.failure?.message ?? `stopped at ${noSni.stage}`}`,
        `Configure a default certificate on ${host} for clients that send no SNI (RFC 8461 §7.1): some senders do not send it.`,
        host,
      ),
    );
  }
  if (
    legacy === null ||
    (legacy.tls === null &&
      (legacy.failure?.kind === "aborted" ||
        (legacy.failure?.kind === "timeout" && legacy.stage !== "handshake")))
  ) {
    out.push(
      untested(
        "CHK-MX-8",
        "Legacy TLS not tested",
        `${where}: the session did not reach the handshake`,
        host,
      ),
    );
  } else if (legacy.tls) {
    out.push(
      result(
        "CHK-MX-8",
        "info",
        `Still accepts ${legacy.tls.protocol}`,
        `${where}: ${legacy.tls.protocol}, ${legacy.tls.cipher}`,
        `Consider disabling TLS 1.0 and 1.1 on ${host} (RFC 8996) once no important sender needs them.`,
        host,
      ),
    );
  } else {
    out.push(
      result(
        "CHK-MX-8",
        "ok",
        "TLS 1.0/1.1 refused",
        `${where}: ${legacy.failure?.message ?? "refused"}`,
        "",
        host,
      ),
    );
  }
  return out;
}
