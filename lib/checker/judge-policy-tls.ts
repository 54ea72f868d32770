// §14.2 on one address of the policy host: the certificate (CHK-HOST-2, -3) and a delegated
// host's certificate (CHK-HOST-8). Pure: no network here.
import { certificateCoversHost } from "../mta-sts/cert-name";
import { certEvidenceText, certProblems } from "./cert-info";
import { chainText } from "./context";
import type { PolicyFetchOutcome } from "./policy-fetch";
import { result } from "./result";
import { ct } from "./text";
import type { CheckResult } from "./types";

/** CHK-HOST-2, -3 and -8 for one address of the policy host. */
export function judgePolicyTls(
  host: string,
  at: string,
  f: PolicyFetchOutcome,
  cnames: readonly string[],
): CheckResult[] {
  const out: CheckResult[] = [];
  const emit = (r: CheckResult) => void out.push(r);
  if (f.tls === null) {
    const why = f.failure
      ? `${at}: ${f.failure.kind}: ${f.failure.message}`
      : ct("host.noTlsSession", { at });
    emit(
      result(
        "CHK-HOST-2",
        "error",
        ct("host.tlsFailed"),
        why,
        ct("host.tlsFailedFix", { host }),
        host,
      ),
    );
    return out;
  }
  const cert = f.tls.cert;
  const covered = cert !== null && certificateCoversHost(cert.sanDnsNames, host);
  const problems = certProblems(f.tls.chainValid, f.tls.chainError, covered);
  const evidence = certEvidenceText(at, cert, f.tls.protocol);
  if (problems) {
    emit(
      result(
        "CHK-HOST-2",
        "error",
        ct("cert.policyInvalid", { ...problems, host }),
        evidence,
        ct("cert.policyInvalidFix", { ...problems, host }),
        host,
      ),
    );
  } else {
    emit(result("CHK-HOST-2", "ok", ct("host.certValid"), evidence, "", host));
  }
  if (cert && cert.daysLeft >= 0 && cert.daysLeft < 14) {
    emit(
      result(
        "CHK-HOST-3",
        "warning",
        ct("host.certExpires", { days: String(cert.daysLeft) }),
        evidence,
        ct("host.certExpiresFix"),
        host,
      ),
    );
  } else if (cert && cert.daysLeft >= 14) {
    emit(
      result(
        "CHK-HOST-3",
        "ok",
        ct("host.certValidFor", { days: String(cert.daysLeft) }),
        evidence,
        "",
        host,
      ),
    );
  }
  if (cnames.length > 0) {
    const provider = cnames[cnames.length - 1] ?? "";
    if (covered) {
      emit(
        result(
          "CHK-HOST-8",
          "ok",
          ct("host.delegatedOk"),
          certEvidenceText(`${chainText(host, cnames)}; ${at}`, cert, f.tls.protocol),
          "",
          host,
        ),
      );
    } else {
      emit(
        result(
          "CHK-HOST-8",
          "error",
          ct("host.delegatedBad"),
          certEvidenceText(`${chainText(host, cnames)}; ${at}`, cert, f.tls.protocol),
          ct("host.delegatedBadFix", { host, provider }),
          host,
        ),
      );
    }
  }
  return out;
}
