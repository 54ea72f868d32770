// Turns SMTP probe outcomes into CHK-MX-3…8 results. Pure: no network here.
import { certificateCoversHost } from "../mta-sts/cert-name";
import { certEvidence, chainProblem } from "./cert-info";
import { result, untested } from "./result";
import type { SmtpProbeOutcome } from "./smtp-probe";
import type { CheckResult } from "./types";

export interface MxTlsInput {
  host: string;
  /** "mx1.example.com (192.0.2.1:25)" */
  where: string;
  main: SmtpProbeOutcome;
  noSni: SmtpProbeOutcome | null;
  legacy: SmtpProbeOutcome | null;
  /** Further addresses of the host that were not probed. */
  others: number;
}

const LATER = ["CHK-MX-4", "CHK-MX-5", "CHK-MX-7", "CHK-MX-8"];

function stopAtSmtp(input: MxTlsInput, first: CheckResult, why: string): CheckResult[] {
  return [first, ...LATER.map((id) => untested(id, "Not tested", why, input.host))];
}

/** CHK-MX-3: connect, banner, EHLO, STARTTLS offered (TLS-1). */
function judgeSmtp(input: MxTlsInput): CheckResult[] | null {
  const { host, where, main } = input;
  const f = main.failure;
  const untestedWhy = (what: string) => `${where}: ${what}`;
  if (
    f &&
    (f.kind === "timeout" ||
      f.kind === "aborted" ||
      (f.kind === "error" && main.stage === "connect"))
  ) {
    const hint =
      main.stage === "connect"
        ? " Outbound port 25 is often blocked by cloud and home networks; run the check from a network that allows it."
        : "";
    const title =
      f.kind === "aborted"
        ? "Not tested: the overall time limit was reached"
        : `Could not test port 25 (${main.stage} ${f.kind})`;
    return stopAtSmtp(
      input,
      untested("CHK-MX-3", title, untestedWhy(`${f.message}.${hint}`), host),
      `${host}: the SMTP session did not get that far`,
    );
  }
  const fix = `Make ${host} accept SMTP on port 25 and offer STARTTLS in its EHLO reply.`;
  if (f && f.kind === "refused") {
    return stopAtSmtp(
      input,
      result("CHK-MX-3", "error", "Port 25 refused", untestedWhy("connection refused"), fix, host),
      "port 25 refused",
    );
  }
  if (main.stage === "banner") {
    const seen = main.banner ?? `no banner (${f?.message ?? "closed"})`;
    return stopAtSmtp(
      input,
      result("CHK-MX-3", "error", "No SMTP greeting", untestedWhy(seen), fix, host),
      "no SMTP greeting",
    );
  }
  if (main.stage === "ehlo") {
    const seen = main.ehlo.length ? main.ehlo.join(" / ") : (f?.message ?? "no reply");
    return stopAtSmtp(
      input,
      result(
        "CHK-MX-3",
        "error",
        "EHLO rejected",
        untestedWhy(`banner ${main.banner}; EHLO: ${seen}`),
        fix,
        host,
      ),
      "EHLO failed",
    );
  }
  const ehlo = `banner ${main.banner}; EHLO: ${main.ehlo.join(" / ")}`;
  if (!main.starttlsOffered) {
    return stopAtSmtp(
      input,
      result(
        "CHK-MX-3",
        "error",
        "STARTTLS not offered",
        untestedWhy(ehlo),
        `Enable STARTTLS on ${host} (e.g. Postfix smtpd_tls_security_level = may with a certificate for ${host}).`,
        host,
      ),
      "STARTTLS is not offered",
    );
  }
  return [
    result("CHK-MX-3", "ok", "SMTP answers and offers STARTTLS", untestedWhy(ehlo), "", host),
  ];
}

/** CHK-MX-4: STARTTLS accepted and TLS >= 1.2 negotiated (TLS-2, TLS-7). */
function judgeHandshake(input: MxTlsInput): CheckResult[] {
  const { host, where, main, legacy } = input;
  const fix = `Enable TLS 1.2 and 1.3 on ${host} with modern ciphers (RFC 7525).`;
  if (main.stage === "starttls") {
    const seen = main.starttlsReply ?? main.failure?.message ?? "no reply";
    return [
      result(
        "CHK-MX-4",
        "error",
        "STARTTLS command rejected",
        `${where}: STARTTLS → ${seen}`,
        `Make ${host} answer STARTTLS with 220 and complete the handshake (a 454 means TLS is not available, e.g. the certificate or key cannot be loaded).`,
        host,
      ),
    ];
  }
  if (main.tls === null) {
    const f = main.failure;
    if (f?.kind === "aborted")
      return [
        untested(
          "CHK-MX-4",
          "Not tested: the overall time limit was reached",
          `${where}: ${f.message}`,
          host,
        ),
      ];
    const old = legacy?.tls ? ` The server only agreed to ${legacy.tls.protocol}.` : "";
    const title = legacy?.tls ? `Only ${legacy.tls.protocol} offered` : "TLS handshake failed";
    return [
      result(
        "CHK-MX-4",
        "error",
        title,
        `${where}: handshake with TLS 1.2+ failed: ${f?.message ?? "unknown"}.${old}`,
        fix,
        host,
      ),
    ];
  }
  return [
    result(
      "CHK-MX-4",
      "ok",
      `${main.tls.protocol} negotiated`,
      `${where}: ${main.tls.protocol}, ${main.tls.cipher}`,
      "",
      host,
    ),
  ];
}

/** CHK-MX-5 and CHK-MX-6: trusted chain, not expired, SAN names the MX host (TLS-5). */
function judgeCertificate(input: MxTlsInput): CheckResult[] {
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
function judgeVariants(input: MxTlsInput): CheckResult[] {
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
    legacy.failure?.kind === "aborted" ||
    (legacy.failure?.kind === "timeout" && legacy.stage !== "handshake")
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

export function judgeMxTls(input: MxTlsInput): CheckResult[] {
  const smtp = judgeSmtp(input);
  if (smtp === null || smtp[0]?.severity !== "ok") return smtp ?? [];
  const handshake = judgeHandshake(input);
  if (input.main.stage === "starttls") {
    return [
      ...smtp,
      ...handshake,
      ...["CHK-MX-5", "CHK-MX-7", "CHK-MX-8"].map((id) =>
        untested(id, "Not tested", "STARTTLS was rejected", input.host),
      ),
    ];
  }
  return [...smtp, ...handshake, ...judgeCertificate(input), ...judgeVariants(input)];
}
