// Turns the SMTP probe outcomes of one address of an MX host into CHK-MX-3…8 results (the
// certificate and variants are in judge-mx-cert.ts). Pure: no network here.
import { judgeCertificate, judgeVariants } from "./judge-mx-cert";
import { result, untested } from "./result";
import type { SmtpProbeOutcome } from "./smtp-probe";
import { UNREACHABLE_CODES } from "./smtp-session";
import type { CheckResult } from "./types";

export interface MxTlsInput {
  host: string;
  /** The address probed; every result carries it. */
  address: string;
  /** "mx1.example.com (192.0.2.1:25)" */
  where: string;
  main: SmtpProbeOutcome;
  noSni: SmtpProbeOutcome | null;
  legacy: SmtpProbeOutcome | null;
}

const family = (address: string) => (address.includes(":") ? "IPv6" : "IPv4");

const LATER = ["CHK-MX-4", "CHK-MX-5", "CHK-MX-7", "CHK-MX-8"];

function stopAtSmtp(input: MxTlsInput, first: CheckResult, why: string): CheckResult[] {
  return [first, ...LATER.map((id) => untested(id, "Not tested", why, input.host))];
}

/** CHK-MX-3: connect, banner, EHLO, STARTTLS offered (TLS-1). */
function judgeSmtp(input: MxTlsInput): CheckResult[] | null {
  const { host, where, main } = input;
  const f = main.failure;
  const untestedWhy = (what: string) => `${where}: ${what}`;
  if (f && main.stage === "connect" && f.code && UNREACHABLE_CODES.has(f.code)) {
    const fam = family(input.address);
    return stopAtSmtp(
      input,
      untested(
        "CHK-MX-3",
        `Not tested: this server cannot reach ${fam} addresses`,
        untestedWhy(
          `${f.message}. The checker's network has no route for ${fam}; senders that have one will use this address. Run the check from a network with ${fam} to test it.`,
        ),
        host,
      ),
      `${host}: ${fam} is not reachable from this server`,
    );
  }
  if (f && f.kind === "protocol") {
    return stopAtSmtp(
      input,
      result(
        "CHK-MX-3",
        "error",
        "Broken SMTP reply",
        untestedWhy(`${main.stage}: ${f.message}`),
        `Make ${host} send short, well-formed SMTP replies (RFC 5321 §4.5.3.1: a reply line is at most 512 bytes).`,
        host,
      ),
      "the SMTP reply was broken",
    );
  }
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
  if (main.stage === "tls-ehlo") {
    const f = main.failure;
    const seen = main.ehloTls.length ? main.ehloTls.join(" / ") : (f?.message ?? "no reply");
    const evidence = `${where}: ${main.tls.protocol} negotiated, then EHLO over TLS → ${seen}`;
    if (f?.kind === "aborted")
      return [
        untested("CHK-MX-4", "Not tested: the overall time limit was reached", evidence, host),
      ];
    return [
      result(
        "CHK-MX-4",
        "error",
        "EHLO after STARTTLS failed",
        evidence,
        `Make ${host} answer EHLO with 250 after the TLS handshake: senders repeat EHLO over TLS (RFC 3207 §4.2) and give up when it fails or the connection drops.`,
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

/** Every result of one probed address, tagged with that address. */
export function judgeMxTls(input: MxTlsInput): CheckResult[] {
  return judgeAll(input).map((r) => ({ ...r, address: input.address }));
}

function judgeAll(input: MxTlsInput): CheckResult[] {
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
