// Turns the SMTP probe outcomes of one address of an MX host into CHK-MX-3…8 results (the
// certificate and variants are in judge-mx-cert.ts). Pure: no network here.
import { judgeCertificate, judgeVariants } from "./judge-mx-cert";
import { result, untested, type ResultText } from "./result";
import { ct } from "./text";
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

function stopAtSmtp(input: MxTlsInput, first: CheckResult, why: ResultText): CheckResult[] {
  return [first, ...LATER.map((id) => untested(id, ct("mx.notTested"), why, input.host))];
}

/** CHK-MX-3: connect, banner, EHLO, STARTTLS offered (TLS-1). */
function judgeSmtp(input: MxTlsInput): CheckResult[] | null {
  const { host, where, main } = input;
  const f = main.failure;
  if (f && main.stage === "connect" && f.code && UNREACHABLE_CODES.has(f.code)) {
    const fam = family(input.address);
    return stopAtSmtp(
      input,
      untested(
        "CHK-MX-3",
        ct("net.noRoute", { family: fam }),
        ct("mx.noRouteEvidence", { where, error: f.message, family: fam }),
        host,
      ),
      ct("mx.familyUnreachable", { host, family: fam }),
    );
  }
  if (f && f.kind === "protocol") {
    return stopAtSmtp(
      input,
      result(
        "CHK-MX-3",
        "error",
        ct("mx.brokenReply"),
        `${where}: ${main.stage}: ${f.message}`,
        ct("mx.brokenReplyFix", { host }),
        host,
      ),
      ct("mx.brokenReplyWhy"),
    );
  }
  if (
    f &&
    (f.kind === "timeout" ||
      f.kind === "aborted" ||
      (f.kind === "error" && main.stage === "connect"))
  ) {
    const why =
      main.stage === "connect"
        ? ct("mx.port25Blocked", { where, error: f.message })
        : ct("mx.errorAt", { where, error: f.message });
    const title =
      f.kind === "aborted"
        ? ct("mx.deadline")
        : ct("mx.port25Untested", { stage: main.stage, kind: f.kind });
    return stopAtSmtp(input, untested("CHK-MX-3", title, why, host), ct("mx.notThatFar", { host }));
  }
  const fix = ct("mx.smtpFix", { host });
  if (f && f.kind === "refused") {
    return stopAtSmtp(
      input,
      result(
        "CHK-MX-3",
        "error",
        ct("mx.refusedTitle"),
        ct("mx.connectionRefused", { where }),
        fix,
        host,
      ),
      ct("mx.refusedWhy"),
    );
  }
  if (main.stage === "banner") {
    const seen =
      main.banner !== null && main.banner !== undefined
        ? `${where}: ${main.banner}`
        : f
          ? ct("mx.noBanner", { where, error: f.message })
          : ct("mx.noBannerClosed", { where });
    return stopAtSmtp(
      input,
      result("CHK-MX-3", "error", ct("mx.noGreeting"), seen, fix, host),
      ct("mx.noGreetingWhy"),
    );
  }
  if (main.stage === "ehlo") {
    const seen = main.ehlo.length ? main.ehlo.join(" / ") : f?.message;
    return stopAtSmtp(
      input,
      result(
        "CHK-MX-3",
        "error",
        ct("mx.ehloRejected"),
        seen === undefined
          ? ct("mx.ehloNoReply", { where, banner: String(main.banner) })
          : `${where}: banner ${main.banner}; EHLO: ${seen}`,
        fix,
        host,
      ),
      ct("mx.ehloFailed"),
    );
  }
  const ehlo = `banner ${main.banner}; EHLO: ${main.ehlo.join(" / ")}`;
  if (!main.starttlsOffered) {
    return stopAtSmtp(
      input,
      result(
        "CHK-MX-3",
        "error",
        ct("mx.noStarttls"),
        `${where}: ${ehlo}`,
        ct("mx.noStarttlsFix", { host }),
        host,
      ),
      ct("mx.noStarttlsWhy"),
    );
  }
  return [result("CHK-MX-3", "ok", ct("mx.smtpOk"), `${where}: ${ehlo}`, "", host)];
}

/** CHK-MX-4: STARTTLS accepted and TLS >= 1.2 negotiated (TLS-2, TLS-7). */
function judgeHandshake(input: MxTlsInput): CheckResult[] {
  const { host, where, main, legacy } = input;
  const fix = ct("mx.tlsFix", { host });
  if (main.stage === "starttls") {
    const seen = main.starttlsReply ?? main.failure?.message;
    return [
      result(
        "CHK-MX-4",
        "error",
        ct("mx.starttlsRejected"),
        seen === undefined ? ct("mx.starttlsNoReply", { where }) : `${where}: STARTTLS → ${seen}`,
        ct("mx.starttlsRejectedFix", { host }),
        host,
      ),
    ];
  }
  if (main.tls === null) {
    const f = main.failure;
    if (f?.kind === "aborted")
      return [untested("CHK-MX-4", ct("mx.deadline"), `${where}: ${f.message}`, host)];
    const params = { where, error: f?.message ?? "unknown" };
    const title = legacy?.tls
      ? ct("mx.onlyLegacy", { protocol: legacy.tls.protocol })
      : ct("mx.handshakeFailed");
    return [
      result(
        "CHK-MX-4",
        "error",
        title,
        legacy?.tls
          ? ct("mx.handshakeFailedLegacy", { ...params, protocol: legacy.tls.protocol })
          : ct("mx.handshakeFailedEvidence", params),
        fix,
        host,
      ),
    ];
  }
  if (main.stage === "tls-ehlo") {
    const f = main.failure;
    const seen = main.ehloTls.length ? main.ehloTls.join(" / ") : f?.message;
    const params = { where, protocol: main.tls.protocol };
    const evidence =
      seen === undefined ? ct("mx.tlsEhloNoReply", params) : ct("mx.tlsEhlo", { ...params, seen });
    if (f?.kind === "aborted") return [untested("CHK-MX-4", ct("mx.deadline"), evidence, host)];
    return [
      result(
        "CHK-MX-4",
        "error",
        ct("mx.tlsEhloFailed"),
        evidence,
        ct("mx.tlsEhloFailedFix", { host }),
        host,
      ),
    ];
  }
  return [
    result(
      "CHK-MX-4",
      "ok",
      ct("mx.negotiated", { protocol: main.tls.protocol }),
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
        untested(id, ct("mx.notTested"), ct("mx.starttlsRejectedWhy"), input.host),
      ),
    ];
  }
  return [...smtp, ...handshake, ...judgeCertificate(input), ...judgeVariants(input)];
}
