// §14.2 Policy host and fetch (CHK-HOST-1…8) from every address of the policy host (results
// carry `address`), then §14.3 on the body.
import { checkPolicyContent, type PolicyFacts } from "./check-policy-content";
import type { StsTxtFacts } from "./check-sts-txt";
import {
  atAddress,
  chainText,
  lookupProblem,
  MAX_ADDRESSES_PER_HOST,
  splitAddresses,
  type ProbeContext,
} from "./context";
import { judgePolicyResponse, type PolicyResponseJudgement } from "./judge-policy-response";
import { judgePolicyTls } from "./judge-policy-tls";
import { fetchPolicy, type PolicyFetchOutcome } from "./policy-fetch";
import { result, untested } from "./result";
import { UNREACHABLE_CODES } from "./smtp-session";

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
  const split = splitAddresses(lookup.records, ctx.allowPrivate);
  if (split.allowed.length === 0) {
    emit(
      result(
        "CHK-NET-1",
        "warning",
        "Policy host has no public address",
        `${host}: ${split.refused.join(", ")}`,
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
  if (split.refused.length > 0) {
    emit(
      result(
        "CHK-NET-1",
        "warning",
        "Some addresses of the policy host are not public",
        `${host}: ${split.refused.join(", ")}`,
        `Remove the non-public addresses from ${host}: senders that pick them cannot fetch the policy. (The checker does not connect to them.)`,
        host,
      ),
    );
    for (const ip of split.refusedIps)
      emit({
        ...untested("CHK-HOST-2", "Policy fetch not tested", `${ip}: not a public address`, host),
        address: ip,
      });
  }
  // Every address: a sender may fetch the policy from any of them (bounded by ctx.limit).
  const ips = split.allowed.slice(0, MAX_ADDRESSES_PER_HOST);
  for (const ip of split.allowed.slice(MAX_ADDRESSES_PER_HOST))
    emit({
      ...untested(
        "CHK-HOST-2",
        "Policy fetch not tested",
        `${ip}: the checker fetches from at most ${MAX_ADDRESSES_PER_HOST} addresses per host`,
        host,
      ),
      address: ip,
    });
  const fetched = await Promise.all(
    ips.map((ip) =>
      ctx.limit(() =>
        fetchPolicy({
          host,
          ip,
          port: ctx.httpsPort,
          ca: ctx.ca,
          timeoutMs: ctx.policyTimeoutMs,
          signal: ctx.signal,
          now: ctx.now(),
        }),
      ),
    ),
  );
  let policy: { ip: string; body: Buffer } | null = null;
  for (const [i, f] of fetched.entries()) {
    const ip = ips[i] ?? "";
    const cert = f.tls?.cert;
    if (cert)
      ctx.noteCert({
        role: "policy",
        host,
        address: ip,
        subject: cert.subject,
        validTo: cert.validTo,
        fingerprint256: cert.fingerprint256,
      });
    const judged = judgeAddress(ctx, host, ip, f, lookup.cnameChain);
    if (judged.body && policy && !judged.body.equals(policy.body)) {
      judged.results = judged.results.map((r) =>
        r.id === "CHK-HOST-4" && r.severity === "ok"
          ? {
              ...r,
              severity: "error",
              title: `Serves a different policy than ${policy?.ip ?? ""}`,
              fix: `Serve the same policy file from every address of ${host}: senders fetch from any of them.`,
            }
          : r,
      );
    }
    policy ??= judged.body ? { ip, body: judged.body } : null;
    atAddress(judged.results, ip).forEach(emit);
  }
  if (policy === null) return NO_POLICY;
  const content = checkPolicyContent(policy.body, ctx.domain, host);
  content.results.forEach(emit);
  return { ...content.facts, body: policy.body.toString("utf8") };
}

/** CHK-HOST-2…8 for one address; `body` is the policy to judge when the answer was usable. */
function judgeAddress(
  ctx: ProbeContext,
  host: string,
  ip: string,
  f: PolicyFetchOutcome,
  cnames: readonly string[],
): PolicyResponseJudgement {
  const at = `https://${host}/.well-known/mta-sts.txt (${ip})`;
  if (f.failure?.kind === "aborted" && f.status === null) {
    const r = untested(
      "CHK-HOST-2",
      "Policy fetch not finished",
      `${at}: ${f.failure.message}`,
      host,
    );
    return { results: [r], body: null };
  }
  const code = f.failure?.code;
  if (f.tls === null && code && UNREACHABLE_CODES.has(code)) {
    const fam = ip.includes(":") ? "IPv6" : "IPv4";
    const r = untested(
      "CHK-HOST-2",
      `Not tested: this server cannot reach ${fam} addresses`,
      `${at}: ${f.failure?.message ?? code}. The checker's network has no route for ${fam}; senders that have one will fetch from this address.`,
      host,
    );
    return { results: [r], body: null };
  }
  const tls = judgePolicyTls(host, at, f, cnames);
  if (f.tls === null) return { results: tls, body: null };
  const response = judgePolicyResponse(ctx.policySlowMs, host, at, f);
  return { results: [...tls, ...response.results], body: response.body };
}
