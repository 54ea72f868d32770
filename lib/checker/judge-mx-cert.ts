// CHK-MX-5…8 for one address of an MX host: the certificate (TLS-5) and the handshake
// variants without SNI (TLS-6) and with TLS 1.0/1.1 only (TLS-7). Pure: no network here.
import { certificateCoversHost } from "../mta-sts/cert-name";
import { certEvidenceText, certProblems } from "./cert-info";
import type { MxTlsInput } from "./judge-mx-tls";
import { result, untested } from "./result";
import { ct } from "./text";
import type { CheckResult } from "./types";

/** CHK-MX-5 and CHK-MX-6: trusted chain, not expired, SAN names the MX host (TLS-5). */
export function judgeCertificate(input: MxTlsInput): CheckResult[] {
  const { host, where, main } = input;
  const tls = main.tls;
  if (tls === null) {
    return [
      untested("CHK-MX-5", ct("mx.certNotChecked"), ct("mx.noModernTls", { where }), host),
      untested("CHK-MX-6", ct("mx.expiryNotChecked"), ct("mx.noModernTls", { where }), host),
    ];
  }
  const cert = tls.cert;
  if (cert === null)
    return [
      result("CHK-MX-5", "error", ct("mx.noCert"), where, ct("mx.noCertFix", { host }), host),
    ];
  const covered = certificateCoversHost(cert.sanDnsNames, host);
  const problems = certProblems(tls.chainValid, tls.chainError, covered);
  const evidence = certEvidenceText(where, cert);
  const out: CheckResult[] = [];
  if (problems) {
    out.push(
      result(
        "CHK-MX-5",
        "error",
        ct("cert.mxInvalid", { ...problems, host }),
        evidence,
        ct("cert.mxInvalidFix", { ...problems, host }),
        host,
      ),
    );
  } else {
    out.push(result("CHK-MX-5", "ok", ct("mx.certValid"), evidence, "", host));
  }
  if (cert.daysLeft >= 0 && cert.daysLeft < 14) {
    out.push(
      result(
        "CHK-MX-6",
        "warning",
        ct("mx.certExpires", { days: String(cert.daysLeft) }),
        evidence,
        ct("mx.certExpiresFix", { host }),
        host,
      ),
    );
  } else if (cert.daysLeft >= 14) {
    out.push(
      result(
        "CHK-MX-6",
        "ok",
        ct("mx.certValidFor", { days: String(cert.daysLeft) }),
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
        ct("mx.noSniNotTested"),
        ct("mx.noSniNotTestedEvidence", { where }),
        host,
      ),
    );
  } else if (noSni.tls) {
    out.push(
      result(
        "CHK-MX-7",
        "ok",
        ct("mx.noSniOk"),
        certEvidenceText(where, noSni.tls.cert, noSni.tls.protocol),
        "",
        host,
      ),
    );
  } else if (noSni.failure?.kind === "aborted" || noSni.failure?.kind === "timeout") {
    out.push(
      untested("CHK-MX-7", ct("mx.noSniNotFinished"), `${where}: ${noSni.failure.message}`, host),
    );
  } else {
    out.push(
      result(
        "CHK-MX-7",
        "warning",
        ct("mx.noSniFails"),
        noSni.failure
          ? `${where}: ${noSni.failure.message}`
          : ct("mx.stoppedAt", { where, stage: noSni.stage }),
        ct("mx.noSniFailsFix", { host }),
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
    out.push(untested("CHK-MX-8", ct("mx.legacyNotTested"), ct("mx.noHandshake", { where }), host));
  } else if (legacy.tls) {
    out.push(
      result(
        "CHK-MX-8",
        "info",
        ct("mx.legacyAccepted", { protocol: legacy.tls.protocol }),
        `${where}: ${legacy.tls.protocol}, ${legacy.tls.cipher}`,
        ct("mx.legacyAcceptedFix", { host }),
        host,
      ),
    );
  } else {
    out.push(
      result(
        "CHK-MX-8",
        "ok",
        ct("mx.legacyRefused"),
        legacy.failure ? `${where}: ${legacy.failure.message}` : ct("mx.refused", { where }),
        "",
        host,
      ),
    );
  }
  return out;
}
