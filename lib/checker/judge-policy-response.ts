// §14.2 on one address of the policy host: status, media type, size and time of the answer
// (CHK-HOST-4…7). Pure: no network here.
import { POLICY_SIZE_LIMIT, type PolicyFetchOutcome } from "./policy-fetch";
import { result, untested } from "./result";
import type { CheckResult } from "./types";

export interface PolicyResponseJudgement {
  results: CheckResult[];
  /** The policy text to judge (§14.3), when the response was usable. */
  body: Buffer | null;
}

/** CHK-HOST-4…7 for one address of the policy host. */
export function judgePolicyResponse(
  policySlowMs: number,
  host: string,
  at: string,
  f: PolicyFetchOutcome,
): PolicyResponseJudgement {
  const results: CheckResult[] = [];
  const emit = (r: CheckResult) => void results.push(r);
  const none = { results, body: null };
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
    return none;
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
    return none;
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
    return none;
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
  if (f.ms > policySlowMs) {
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
  return { results, body: f.oversize ? null : f.body };
}
