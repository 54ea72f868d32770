// §14.2 on one address of the policy host: status, media type, size and time of the answer
// (CHK-HOST-4…7). Pure: no network here.
import { POLICY_SIZE_LIMIT, type PolicyFetchOutcome } from "./policy-fetch";
import { result, untested } from "./result";
import { ct } from "./text";
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
          ct("host.timedOut"),
          `${at}: ${f.failure.message}`,
          ct("host.timedOutFix", { host }),
          host,
        ),
      );
    }
    emit(
      untested(
        "CHK-HOST-4",
        ct("host.noResponse"),
        f.failure ? `${at}: ${f.failure.message}` : ct("host.noResponseEvidence", { at }),
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
        timedOut ? ct("host.timedOut") : ct("host.unreadable"),
        `${status}; ${f.failure.message}`,
        ct("host.unreadableFix", { host }),
        host,
      ),
    );
    return none;
  }
  if (f.status !== 200) {
    const redirect = f.status >= 300 && f.status < 400;
    const where = f.location ? `; Location: ${f.location}` : "";
    const fix = redirect ? ct("host.redirectFix", { host }) : ct("host.statusFix", { host });
    emit(
      result(
        "CHK-HOST-4",
        "error",
        redirect ? ct("host.redirect") : ct("host.status", { status: String(f.status) }),
        `${status}${where}`,
        fix,
        host,
      ),
    );
    return none;
  }
  emit(result("CHK-HOST-4", "ok", ct("host.status200"), status, "", host));
  const media = (f.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const charset = /charset="?([^";]+)/i.exec(f.contentType ?? "")?.[1]?.toLowerCase();
  if (media !== "text/plain") {
    emit(
      result(
        "CHK-HOST-5",
        "error",
        ct("host.notTextPlain"),
        f.contentType === null || f.contentType === undefined
          ? ct("host.noContentType", { status })
          : `${status}; Content-Type: ${f.contentType}`,
        ct("host.notTextPlainFix"),
        host,
      ),
    );
  } else if (charset && charset !== "utf-8" && charset !== "us-ascii") {
    emit(
      result(
        "CHK-HOST-5",
        "info",
        ct("host.charset"),
        `Content-Type: ${f.contentType}`,
        ct("host.charsetFix"),
        host,
      ),
    );
  } else {
    emit(
      result("CHK-HOST-5", "ok", ct("host.textPlain"), `Content-Type: ${f.contentType}`, "", host),
    );
  }
  const size = f.body?.length ?? 0;
  if (f.oversize) {
    emit(
      result(
        "CHK-HOST-6",
        "error",
        ct("host.oversize"),
        ct("host.oversizeEvidence", { at, limit: String(POLICY_SIZE_LIMIT) }),
        ct("host.oversizeFix"),
        host,
      ),
    );
  } else if (size > 4096) {
    emit(
      result(
        "CHK-HOST-6",
        "warning",
        ct("host.large"),
        ct("host.sizeAt", { at, size: String(size) }),
        ct("host.largeFix"),
        host,
      ),
    );
  } else {
    emit(
      result(
        "CHK-HOST-6",
        "ok",
        ct("host.size"),
        ct("host.sizeEvidence", { size: String(size) }),
        "",
        host,
      ),
    );
  }
  if (f.ms > policySlowMs) {
    emit(
      result(
        "CHK-HOST-7",
        "warning",
        ct("host.slow"),
        `${at}: ${f.ms} ms`,
        ct("host.slowFix", { host }),
        host,
      ),
    );
  } else {
    emit(result("CHK-HOST-7", "ok", ct("host.time"), `${f.ms} ms`, "", host));
  }
  return { results, body: f.oversize ? null : f.body };
}
