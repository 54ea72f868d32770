// §14.2 Policy host and fetch (CHK-HOST-1…8) from every address of the policy host (results
// carry `address`), then §14.3 on the body.
import { checkPolicyContent, type PolicyFacts } from "./check-policy-content";
import type { StsTxtFacts } from "./check-sts-txt";
import {
  atAddress,
  chainText,
  lookupEvidence,
  MAX_ADDRESSES_PER_HOST,
  splitAddresses,
  type ProbeContext,
} from "./context";
import { judgePolicyResponse, type PolicyResponseJudgement } from "./judge-policy-response";
import { judgePolicyTls } from "./judge-policy-tls";
import { fetchPolicy, type PolicyFetchOutcome } from "./policy-fetch";
import { result, untested, withTexts } from "./result";
import { ct } from "./text";
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
      emit(untested("CHK-HOST-1", ct("host.lookupFailed"), lookupEvidence(host, lookup), host));
    } else if (deployed) {
      emit(
        result(
          "CHK-HOST-1",
          "error",
          ct("host.noAddress"),
          lookupEvidence(host, lookup),
          ct("host.noAddressFix", { host }),
          host,
        ),
      );
    } else {
      emit(
        result(
          "CHK-HOST-1",
          "info",
          ct("host.notDeployed"),
          lookupEvidence(host, lookup),
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
      ct("host.resolves"),
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
        ct("host.noPublic"),
        `${host}: ${split.refused.join(", ")}`,
        ct("host.noPublicFix", { host }),
        host,
      ),
    );
    emit(
      untested("CHK-HOST-2", ct("host.fetchNotTested"), ct("host.onlyNonPublic", { host }), host),
    );
    return NO_POLICY;
  }
  if (split.refused.length > 0) {
    emit(
      result(
        "CHK-NET-1",
        "warning",
        ct("host.somePrivate"),
        `${host}: ${split.refused.join(", ")}`,
        ct("host.somePrivateFix", { host }),
        host,
      ),
    );
    for (const ip of split.refusedIps)
      emit({
        ...untested("CHK-HOST-2", ct("host.fetchNotTested"), ct("host.notPublic", { ip }), host),
        address: ip,
      });
  }
  // Every address: a sender may fetch the policy from any of them (bounded by ctx.limit).
  const ips = split.allowed.slice(0, MAX_ADDRESSES_PER_HOST);
  for (const ip of split.allowed.slice(MAX_ADDRESSES_PER_HOST))
    emit({
      ...untested(
        "CHK-HOST-2",
        ct("host.fetchNotTested"),
        ct("host.tooMany", { ip, max: String(MAX_ADDRESSES_PER_HOST) }),
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
          ? withTexts(r, {
              severity: "error",
              title: ct("host.differentPolicy", { ip: policy?.ip ?? "" }),
              fix: ct("host.differentPolicyFix", { host }),
            })
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
      ct("host.fetchNotFinished"),
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
      ct("net.noRoute", { family: fam }),
      ct("host.noRouteEvidence", { at, error: f.failure?.message ?? code, family: fam }),
      host,
    );
    return { results: [r], body: null };
  }
  const tls = judgePolicyTls(host, at, f, cnames);
  if (f.tls === null) return { results: tls, body: null };
  const response = judgePolicyResponse(ctx.policySlowMs, host, at, f);
  return { results: [...tls, ...response.results], body: response.body };
}
