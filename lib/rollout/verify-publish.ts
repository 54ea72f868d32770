// Step 3 "Verify": fetch the policy exactly as senders do (the checker's fetchPolicy: SNI,
// no redirects, no HTTP cache, 64 KiB cap) and compare it byte for byte with the current
// version. Network settings come in as parameters (STYLE.md layering rule 1).
import { chainProblem, certEvidence } from "@/lib/checker/cert-info";
import { pickAddress } from "@/lib/checker/context";
import { fetchPolicy, type PolicyFetchOutcome } from "@/lib/checker/policy-fetch";
import type { DnsClient } from "@/lib/dns/resolver";
import { certificateCoversHost } from "@/lib/mta-sts/cert-name";
import { lineDiff } from "./line-diff";
import type { PublishVerification } from "./types";

export interface VersionBody {
  policyId: string;
  body: string;
}

export interface PublishProbe {
  dns: DnsClient;
  ca?: string[];
  allowPrivate: boolean;
  httpsPort: number;
  timeoutMs?: number;
  now?: () => number;
}

export async function verifyPublish(
  domain: string,
  current: VersionBody | null,
  older: readonly VersionBody[],
  probe: PublishProbe,
): Promise<PublishVerification> {
  const host = `mta-sts.${domain}`;
  const now = probe.now ?? Date.now;
  const base: PublishVerification = {
    at: new Date(now()).toISOString(),
    policyId: current?.policyId ?? null,
    url: `https://${host}/.well-known/mta-sts.txt`,
    address: null,
    ok: false,
    sameBytes: false,
    servesOlderVersion: null,
    problems: [],
    statusLine: null,
    contentType: null,
    certificate: null,
    served: null,
    diff: [],
  };
  const lookup = await probe.dns.addresses(host);
  if (lookup.status !== "ok") {
    const what =
      lookup.status === "error"
        ? `the lookup failed (${lookup.error ?? "?"})`
        : "it does not exist";
    base.problems.push(
      `${host} does not resolve: ${what}. Point it (CNAME or A/AAAA) at the server that serves the policy.`,
    );
    return base;
  }
  const picked = pickAddress(lookup.records, probe.allowPrivate);
  if (picked.ip === null) {
    base.problems.push(
      `${host} resolves only to non-public addresses (${picked.refused.join(", ")}): senders cannot reach it.`,
    );
    return base;
  }
  base.address = picked.ip;
  const f = await fetchPolicy({
    host,
    ip: picked.ip,
    port: probe.httpsPort,
    ca: probe.ca,
    timeoutMs: probe.timeoutMs ?? 10_000,
    now: now(),
  });
  return judge(base, host, f, current, older);
}

function judge(
  out: PublishVerification,
  host: string,
  f: PolicyFetchOutcome,
  current: VersionBody | null,
  older: readonly VersionBody[],
): PublishVerification {
  const problems = out.problems;
  out.statusLine = f.statusLine;
  out.contentType = f.contentType;
  if (f.tls === null) {
    problems.push(`No TLS connection to ${host}: ${f.failure?.message ?? "no answer"}.`);
    return out;
  }
  const cert = f.tls.cert;
  out.certificate = cert ? certEvidence(cert) : null;
  // STS-FETCH-3: trusted chain, unexpired, SAN (not CN) names the host.
  if (!f.tls.chainValid) {
    problems.push(`Certificate: ${chainProblem(f.tls.chainError ?? "unknown")}.`);
  }
  if (cert === null || !certificateCoversHost(cert.sanDnsNames, host)) {
    problems.push(`Certificate: no subjectAltName covers ${host} (the subject CN does not count).`);
  }
  if (f.status === null) {
    problems.push(`No HTTP answer: ${f.failure?.message ?? "the connection closed"}.`);
    return out;
  }
  if (f.status >= 300 && f.status < 400) {
    problems.push(
      `The URL redirects (${f.status}${f.location ? ` to ${f.location}` : ""}): senders never follow redirects (STS-FETCH-6).`,
    );
  } else if (f.status !== 200) {
    problems.push(`The URL answers ${f.status}: only 200 counts (STS-FETCH-5).`);
  }
  const media = (f.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (media !== "text/plain") {
    problems.push(
      `Content-Type is ${f.contentType ?? "missing"}: serve text/plain (STS-FETCH-8; Postfix with postfix-mta-sts-resolver ignores anything else).`,
    );
  }
  if (f.oversize)
    problems.push("The body is over 64 KiB: senders stop reading there (STS-FETCH-9).");
  if (f.failure) problems.push(`The body could not be read: ${f.failure.message}.`);
  const served = f.body ?? Buffer.alloc(0);
  out.served = served.subarray(0, 4096).toString("utf8");
  if (current === null) {
    problems.push("There is no policy version to compare with: create one in step 2.");
    return out;
  }
  out.sameBytes = f.status === 200 && served.equals(Buffer.from(current.body, "utf8"));
  if (!out.sameBytes && f.status === 200) {
    const same = older.find((v) => served.equals(Buffer.from(v.body, "utf8")));
    out.servesOlderVersion = same?.policyId ?? null;
    out.diff = lineDiff(current.body, out.served);
    problems.push(
      same
        ? `The host serves version ${same.policyId}, not the current version ${current.policyId}.`
        : `The served body differs from version ${current.policyId} (see the differences below).`,
    );
  }
  out.ok = problems.length === 0;
  return out;
}
