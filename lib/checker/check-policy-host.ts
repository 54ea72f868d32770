// §14.2 Policy host and fetch (CHK-HOST-1…8), then §14.3 on the body.
import { certificateCoversHost } from "../mta-sts/cert-name";
import { certEvidence, chainProblem } from "./cert-info";
import { checkPolicyContent, type PolicyFacts } from "./check-policy-content";
import type { StsTxtFacts } from "./check-sts-txt";
import { chainText, lookupProblem, pickAddress, type ProbeContext } from "./context";
import { fetchPolicy, POLICY_SIZE_LIMIT, type PolicyFetchOutcome } from "./policy-fetch";
import { result, untested } from "./result";

const NO_POLICY: PolicyFacts = { mode: null, mx: [], valid: false, maxAge: null };

export async function checkPolicyHost(
  ctx: ProbeContext,
  txt: Promise<StsTxtFacts>,
): Promise<PolicyFacts> {
  const host = `mta-sts.${ctx.domain}`;
  const emit = ctx.emit;
  const lookup = await ctx.dns.addresses(host);
  const deployed = (await txt).deployed;
  if (lookup.status !== "ok") {
    if (lookup.status === "error") {
      emit(
        untested(
          "CHK-HOST-1",
          "Could not resolve the policy host",
          `${host}: ${lookupProblem(lookup)}`,
          host,
        ),
      );
    } else if (deployed) {
      emit(
        result(
          "CHK-HOST-1",
          "error",
          "Policy host does not resolve",
          `${host}: ${lookupProblem(lookup)}`,
          `Create an A/AAAA (or CNAME) record for ${host} pointing at the web server that serves /.well-known/mta-sts.txt.`,
          host,
        ),
      );
    } else {
      emit(
        result(
          "CHK-HOST-1",
          "info",
          "No policy host (MTA-STS not deployed)",
          `${host}: ${lookupProblem(lookup)}`,
          "",
          host,
        ),
      );
    }
    return NO_POLICY;
  }
  const shownName = chainText(host, lookup.cnameChain);
  emit(
    result(
      "CHK-HOST-1",
      "ok",
      "Policy host resolves",
      `${shownName}: ${lookup.records.join(", ")}`,
      "",
      host,
    ),
  );
  const picked = pickAddress(lookup.records, ctx.allowPrivate);
  if (picked.ip === null) {
    emit(
      result(
        "CHK-NET-1",
        "warning",
        "Policy host has no public address",
        `${host}: ${picked.refused.join(", ")}`,
        `Point ${host} at a public address: senders on the internet cannot reach private, loopback or special-purpose addresses. (The checker does not connect to them.)`,
        host,
      ),
    );
    emit(
      untested(
        "CHK-HOST-2",
        "Policy fetch not tested",
        `${host} resolves only to non-public addresses; the checker refuses to connect there`,
        host,
      ),
    );
    return NO_POLICY;
  }
  const timeoutMs = ctx.policyTimeoutMs;
  const fetched = await ctx.limit(() =>
    fetchPolicy({
      host,
      ip: picked.ip ?? "",
      port: ctx.httpsPort,
      ca: ctx.ca,
      timeoutMs,
      signal: ctx.signal,
      now: ctx.now(),
    }),
  );
  const at = `https://${host}/.well-known/mta-sts.txt (${picked.ip})`;
  if (fetched.failure?.kind === "aborted") {
    emit(
      untested(
        "CHK-HOST-2",
        "Policy fetch not finished",
        `${at}: ${fetched.failure.message}`,
        host,
      ),
    );
    return NO_POLICY;
  }
  judgeTls(ctx, host, at, fetched, lookup.cnameChain);
  return judgeResponse(ctx, host, at, fetched);
}

function judgeTls(
  ctx: ProbeContext,
  host: string,
  at: string,
  f: PolicyFetchOutcome,
  cnames: string[],
): void {
  const emit = ctx.emit;
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
    return;
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
}

function judgeResponse(
  ctx: ProbeContext,
  host: string,
  at: string,
  f: PolicyFetchOutcome,
): PolicyFacts {
  const emit = ctx.emit;
  if (f.status === null) {
    if (f.failure?.kind === "timeout") {
      emit(
        result(
          "CHK-HOST-7",
          "error",
          "Policy fetch timed out",
          `${at}: ${f.failure.message}`,
          `Make ${host} answer within a few seconds: some senders give up after 4 s.`,
          host,
        ),
      );
    }
    emit(
      untested(
        "CHK-HOST-4",
        "No HTTP response from the policy host",
        `${at}: ${f.failure?.message ?? "no response"}`,
        host,
      ),
    );
    return NO_POLICY;
  }
  const status = `${at}: ${f.statusLine ?? ""}`;
  if (f.failure) {
    const timedOut = f.failure.kind === "timeout";
    emit(
      result(
        timedOut ? "CHK-HOST-7" : "CHK-HOST-4",
        "error",
        timedOut ? "Policy fetch timed out" : "Policy body could not be read",
        `${status}; ${f.failure.message}`,
        `Make ${host} send the whole policy within a few seconds.`,
        host,
      ),
    );
    return NO_POLICY;
  }
  if (f.status !== 200) {
    const redirect = f.status >= 300 && f.status < 400;
    const where = f.location ? `; Location: ${f.location}` : "";
    const fix = redirect
      ? `Serve the policy directly at https://${host}/.well-known/mta-sts.txt with status 200: senders never follow redirects.`
      : `Serve the policy at https://${host}/.well-known/mta-sts.txt with status 200.`;
    emit(
      result(
        "CHK-HOST-4",
        "error",
        redirect ? "Policy URL redirects" : `Policy URL returns ${f.status}`,
        `${status}${where}`,
        fix,
        host,
      ),
    );
    return NO_POLICY;
  }
  emit(result("CHK-HOST-4", "ok", "Policy served with status 200", status, "", host));
  const media = (f.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const charset = /charset="?([^";]+)/i.exec(f.contentType ?? "")?.[1]?.toLowerCase();
  if (media !== "text/plain") {
    emit(
      result(
        "CHK-HOST-5",
        "error",
        "Policy not served as text/plain",
        `${status}; Content-Type: ${f.contentType ?? "(none)"}`,
        "Serve /.well-known/mta-sts.txt with Content-Type: text/plain (Postfix sites using postfix-mta-sts-resolver ignore anything else).",
        host,
      ),
    );
  } else if (charset && charset !== "utf-8" && charset !== "us-ascii") {
    emit(
      result(
        "CHK-HOST-5",
        "info",
        "Unusual charset on the policy",
        `Content-Type: ${f.contentType}`,
        "Use charset=utf-8 or none; senders ignore other values.",
        host,
      ),
    );
  } else {
    emit(
      result(
        "CHK-HOST-5",
        "ok",
        "Policy served as text/plain",
        `Content-Type: ${f.contentType}`,
        "",
        host,
      ),
    );
  }
  const size = f.body?.length ?? 0;
  if (f.oversize) {
    emit(
      result(
        "CHK-HOST-6",
        "error",
        "Policy larger than 64 KiB",
        `${at}: more than ${POLICY_SIZE_LIMIT} bytes; senders stop reading at 64 KiB`,
        "Serve only the policy file (a few hundred bytes) at this URL.",
        host,
      ),
    );
  } else if (size > 4096) {
    emit(
      result(
        "CHK-HOST-6",
        "warning",
        "Policy unusually large",
        `${at}: ${size} bytes`,
        "A policy is a few hundred bytes: check that the right file is served.",
        host,
      ),
    );
  } else {
    emit(result("CHK-HOST-6", "ok", "Policy size", `${size} bytes`, "", host));
  }
  if (f.ms > ctx.policySlowMs) {
    emit(
      result(
        "CHK-HOST-7",
        "warning",
        "Policy fetch is slow",
        `${at}: ${f.ms} ms`,
        `Make ${host} answer faster: some senders give up after 4 s.`,
        host,
      ),
    );
  } else {
    emit(result("CHK-HOST-7", "ok", "Policy fetch time", `${f.ms} ms`, "", host));
  }
  if (f.oversize || f.body === null) return NO_POLICY;
  const content = checkPolicyContent(f.body, ctx.domain, host);
  content.results.forEach(emit);
  return content.facts;
}
