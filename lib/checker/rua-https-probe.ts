// CHK-RPT-6 [OURS, opt-in]: does the https rua endpoint accept a report? We POST a minimal,
// valid TLS-RPT report (RFC 8460 §5.3: application/tlsrpt+json) that says plainly it is a
// test with zero sessions, and expect 2xx. Opt-in because it delivers a report to someone
// else's endpoint. The endpoint's address passes the same safety guard as every probe.
import { request } from "node:https";
import { lookupEvidence, pickAddress, type ProbeContext } from "./context";
import { result, type ResultText } from "./result";
import { ct } from "./text";
import { toNetError } from "./smtp-session";
import type { CheckResult } from "./types";

export function testReport(domain: string, now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = new Date(day.getTime() - 86_400_000);
  return JSON.stringify({
    "organization-name": "STS Rollout configuration check (test report, zero sessions)",
    "date-range": {
      "start-datetime": start.toISOString().replace(".000Z", "Z"),
      "end-datetime": new Date(day.getTime() - 1000).toISOString().replace(".000Z", "Z"),
    },
    "contact-info": "sts-rollout-checker.invalid",
    "report-id": `sts-rollout-test-${now.getTime()}`,
    policies: [
      {
        policy: { "policy-type": "no-policy-found", "policy-domain": domain },
        summary: { "total-successful-session-count": 0, "total-failure-session-count": 0 },
      },
    ],
  });
}

export async function probeHttpsRua(ctx: ProbeContext, url: string): Promise<CheckResult> {
  const target = new URL(url);
  const host = target.hostname;
  const fix = ct("rpt.httpsFix", { url, host });
  const lookup = await ctx.dns.addresses(host);
  const picked = pickAddress(lookup.records, ctx.allowPrivate);
  if (!picked.ip) {
    const why: ResultText = picked.refused.length
      ? ct("rpt.httpsNotPublic", { host, addresses: picked.refused.join(", ") })
      : lookup.status === "ok"
        ? ct("rpt.httpsNoAddress", { host })
        : lookupEvidence(host, lookup);
    return result("CHK-RPT-6", "warning", ct("rpt.httpsBad"), why, fix, url);
  }
  const body = testReport(ctx.domain, new Date(ctx.now()));
  const outcome = await ctx.limit(() => post(ctx, target, picked.ip as string, body));
  const evidence = `POST ${url} (${picked.ip}): ${outcome}`;
  return /^HTTP\/\S+ 2\d\d/.test(outcome)
    ? result("CHK-RPT-6", "ok", ct("rpt.httpsOk"), evidence, "", url)
    : result("CHK-RPT-6", "warning", ct("rpt.httpsBad"), evidence, fix, url);
}

function post(ctx: ProbeContext, url: URL, ip: string, body: string): Promise<string> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (text: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(text);
    };
    const req = request({
      host: ip,
      port: url.port ? Number(url.port) : 443,
      servername: url.hostname,
      path: `${url.pathname}${url.search}`,
      method: "POST",
      headers: {
        Host: url.host,
        "Content-Type": "application/tlsrpt+json",
        "Content-Length": Buffer.byteLength(body),
        "User-Agent": "sts-rollout-checker",
      },
      ca: ctx.ca,
      agent: false,
      signal: ctx.signal,
    });
    const timer = setTimeout(
      () => finish(`no answer within ${ctx.stepTimeoutMs} ms`),
      ctx.stepTimeoutMs,
    );
    req.on("error", (e) => finish(toNetError(e).message));
    req.on("response", (res) => {
      res.resume();
      finish(`HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage ?? ""}`.trim());
    });
    req.end(body);
  });
}
