// §14.2 on one address of the policy host: the certificate (CHK-HOST-2, -3) and a delegated
// host's certificate (CHK-HOST-8). Pure: no network here.
import { certificateCoversHost } from "../mta-sts/cert-name";
import { certEvidence, chainProblem } from "./cert-info";
import { chainText } from "./context";
import type { PolicyFetchOutcome } from "./policy-fetch";
import { result } from "./result";
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
    const why = f.failure ? `${f.failure.kind}: ${f.failure.message}` : "no TLS session";
    emit(
      result(
        "CHK-HOST-2",
        "error",
        "TLS connection to the policy host failed",
        `${at}: ${why}`,
        `Serve HTTPS on port 443 of ${host} with a certificate for ${host}.`,
        host,
      ),
    );
    return out;
  }
  const cert = f.tls.cert;
  const problems: string[] = [];
  if (!f.tls.chainValid) problems.push(chainProblem(f.tls.chainError ?? "unknown"));
  const covered = cert !== null && certificateCoversHost(cert.sanDnsNames, host);
  if (!covered) problems.push(`no SAN dNSName covers ${host} (the subject CN does not count)`);
  const evidence = `${at}: ${f.tls.protocol}; ${cert ? certEvidence(cert) : "no certificate"}`;
  if (problems.length > 0) {
    emit(
      result(
        "CHK-HOST-2",
        "error",
        `Policy host certificate not valid for senders: ${problems[0]}`,
        evidence,
        `Install a publicly trusted, unexpired certificate whose subjectAltName lists ${host} (e.g. from Let's Encrypt). Problems: ${problems.join("; ")}.`,
        host,
      ),
    );
  } else {
    emit(result("CHK-HOST-2", "ok", "Policy host certificate is valid", evidence, "", host));
  }
  if (cert && cert.daysLeft >= 0 && cert.daysLeft < 14) {
    emit(
      result(
        "CHK-HOST-3",
        "warning",
        `Policy host certificate expires in ${cert.daysLeft} days`,
        evidence,
        "Renew the certificate now and check that automatic renewal works.",
        host,
      ),
    );
  } else if (cert && cert.daysLeft >= 14) {
    emit(
      result(
        "CHK-HOST-3",
        "ok",
        `Policy host certificate valid for ${cert.daysLeft} more days`,
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
          "Delegated policy host serves a certificate for your name",
          `${chainText(host, cnames)}; ${evidence}`,
          "",
          host,
        ),
      );
    } else {
      emit(
        result(
          "CHK-HOST-8",
          "error",
          "Delegated policy host: certificate does not name your domain",
          `${chainText(host, cnames)}; ${evidence}`,
          `${host} is a CNAME to ${provider}: the provider must serve a certificate that names ${host}, not its own host name (RFC 8461 §8.2). Ask the provider to add your name, or host the policy yourself.`,
          host,
        ),
      );
    }
  }
  return out;
}
