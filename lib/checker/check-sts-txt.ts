// §14.1 DNS: `_mta-sts` (CHK-TXT-1…8).
import type { Diagnostic } from "../core/diagnostic";
import { isStsRecordCandidate, joinTxtStrings, selectStsTxtRecord } from "../mta-sts/txt-record";
import { chainText, lookupProblem, type ProbeContext } from "./context";
import { groupByCheck, result, worstSeverity } from "./result";
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

const TITLES: Record<string, string> = {
  "CHK-TXT-2": "More than one MTA-STS record",
  "CHK-TXT-3": "MTA-STS record syntax",
  "CHK-TXT-4": "Whitespace before the first ';'",
  "CHK-TXT-5": "Duplicate id in the MTA-STS record",
  "CHK-TXT-6": "Other TXT records at _mta-sts",
};

export async function checkStsTxt(ctx: ProbeContext): Promise<StsTxtFacts> {
  const name = `_mta-sts.${ctx.domain}`;
  const lookup = await ctx.dns.txt(name);
  const emit = (r: CheckResult) => ctx.emit(r);
  if (lookup.status === "error") {
    emit(
      result(
        "CHK-TXT-1",
        "untested",
        "Could not look up the MTA-STS record",
        `${name}: ${lookupProblem(lookup)}`,
      ),
    );
    return { deployed: false, id: null };
  }
  const shown = chainText(name, lookup.cnameChain);
  const records = lookup.records.map(joinTxtStrings);
  const evidence = `${shown}: ${records.length ? records.map((r) => `"${r}"`).join(", ") : lookupProblem(lookup)}`;
  const selection = selectStsTxtRecord(lookup.records);

  if (selection.status === "absent") {
    emit(
      result(
        "CHK-TXT-1",
        "info",
        "MTA-STS not deployed",
        evidence,
        `Publish a TXT record at ${name}, e.g. "v=STSv1; id=20250301T120000Z", after the policy file is live.`,
      ),
    );
    await checkApex(ctx);
  } else {
    emit(result("CHK-TXT-1", "ok", "MTA-STS record found", evidence));
  }
  const byId = groupByCheck(selection.diagnostics, chkIdFor);
  for (const [id, list] of byId) {
    const fix = list.map((d) => d.message).join(" ");
    emit(result(id, worstSeverity(list), TITLES[id] ?? id, evidence, fix));
  }
  if (selection.status !== "absent") {
    if (!byId.has("CHK-TXT-2"))
      emit(result("CHK-TXT-2", "ok", "Exactly one MTA-STS record", evidence));
    if (selection.status === "valid" && !byId.has("CHK-TXT-3")) {
      emit(result("CHK-TXT-3", "ok", "MTA-STS record syntax is valid", evidence));
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
      "TTL of the MTA-STS record unknown",
      `${name}: the DNS answer carried no TTL`,
    );
  if (ttl > 86400) {
    return result(
      "CHK-TXT-8",
      "warning",
      "MTA-STS record TTL above one day",
      `${name}: TTL ${ttl} s`,
      "Lower the TTL to 86400 s or less (3600 s is common): policy changes and rollbacks reach senders only after the TTL runs out.",
    );
  }
  return result("CHK-TXT-8", "ok", "MTA-STS record TTL", `${name}: TTL ${ttl} s`);
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
        "MTA-STS record at the wrong name",
        `${ctx.domain}: "${misplaced.join('", "')}"`,
        `Move the record to _mta-sts.${ctx.domain}: senders never look for it at the domain itself.`,
      ),
    );
  }
}
