// §14.1 DNS: `_mta-sts` (CHK-TXT-1…8).
import type { Diagnostic } from "../core/diagnostic";
import { isStsRecordCandidate, joinTxtStrings, selectStsTxtRecord } from "../mta-sts/txt-record";
import { chainText, lookupEvidence, type ProbeContext } from "./context";
import { diagnosticsResult, groupByCheck, result, type ResultText } from "./result";
import { ct, type CheckTextKey } from "./text";
import type { CheckResult } from "./types";

export interface StsTxtFacts {
  /** A TXT record starting with v=STSv1 exists at _mta-sts (valid or not). */
  deployed: boolean;
  id: string | null;
}

/** STS-TXT diagnostic → CHK id. */
function chkIdFor(d: Diagnostic): string {
  if (d.id === "STS-TXT-7") return d.severity === "error" ? "CHK-TXT-2" : "CHK-TXT-6";
  if (d.id === "STS-TXT-6") return "CHK-TXT-4";
  if (d.id === "STS-TXT-12") return "CHK-TXT-5";
  return "CHK-TXT-3"; // STS-TXT-3, -4, -5, -11: grammar
}

const TITLES: Record<string, CheckTextKey> = {
  "CHK-TXT-2": "txt.several",
  "CHK-TXT-3": "txt.syntax",
  "CHK-TXT-4": "txt.whitespace",
  "CHK-TXT-5": "txt.duplicateId",
  "CHK-TXT-6": "txt.otherRecords",
};

export async function checkStsTxt(ctx: ProbeContext): Promise<StsTxtFacts> {
  const name = `_mta-sts.${ctx.domain}`;
  const lookup = await ctx.dns.txt(name);
  const emit = (r: CheckResult) => ctx.emit(r);
  if (lookup.status === "error") {
    emit(result("CHK-TXT-1", "untested", ct("txt.lookupFailed"), lookupEvidence(name, lookup)));
    return { deployed: false, id: null };
  }
  const shown = chainText(name, lookup.cnameChain);
  const records = lookup.records.map(joinTxtStrings);
  const evidence: ResultText = records.length
    ? `${shown}: ${records.map((r) => `"${r}"`).join(", ")}`
    : lookupEvidence(shown, lookup);
  const selection = selectStsTxtRecord(lookup.records);

  if (selection.status === "absent") {
    emit(
      result(
        "CHK-TXT-1",
        "info",
        ct("txt.notDeployed"),
        evidence,
        ct("txt.notDeployedFix", { name }),
      ),
    );
    await checkApex(ctx);
  } else {
    emit(result("CHK-TXT-1", "ok", ct("txt.found"), evidence));
  }
  const byId = groupByCheck(selection.diagnostics, chkIdFor);
  for (const [id, list] of byId) {
    const title = TITLES[id];
    emit(diagnosticsResult(id, title ? ct(title) : id, evidence, list));
  }
  if (selection.status !== "absent") {
    if (!byId.has("CHK-TXT-2")) emit(result("CHK-TXT-2", "ok", ct("txt.one"), evidence));
    if (selection.status === "valid" && !byId.has("CHK-TXT-3")) {
      emit(result("CHK-TXT-3", "ok", ct("txt.syntaxValid"), evidence));
    }
    emit(ttlResult(lookup.ttl, shown));
  }
  return { deployed: selection.status !== "absent", id: selection.record?.id ?? null };
}

/** CHK-TXT-8 / STS-TXT-13: show the TTL; warn above one day. */
function ttlResult(ttl: number | undefined, name: string): CheckResult {
  if (ttl === undefined)
    return result(
      "CHK-TXT-8",
      "untested",
      ct("txt.ttlUnknown"),
      ct("txt.ttlUnknownEvidence", { name }),
    );
  if (ttl > 86400) {
    return result(
      "CHK-TXT-8",
      "warning",
      ct("txt.ttlHigh"),
      ct("txt.ttlEvidence", { name, ttl: String(ttl) }),
      ct("txt.ttlHighFix"),
    );
  }
  return result(
    "CHK-TXT-8",
    "ok",
    ct("txt.ttl"),
    ct("txt.ttlEvidence", { name, ttl: String(ttl) }),
  );
}

/** CHK-TXT-7 / STS-TXT-14: a record published at the apex instead of _mta-sts. */
async function checkApex(ctx: ProbeContext): Promise<void> {
  const apex = await ctx.dns.txt(ctx.domain);
  const misplaced = apex.records
    .map(joinTxtStrings)
    .filter((r) => isStsRecordCandidate(r) || /^v=STSv1/i.test(r));
  if (misplaced.length > 0) {
    ctx.emit(
      result(
        "CHK-TXT-7",
        "error",
        ct("txt.wrongName"),
        `${ctx.domain}: "${misplaced.join('", "')}"`,
        ct("txt.wrongNameFix", { domain: ctx.domain }),
      ),
    );
  }
}
