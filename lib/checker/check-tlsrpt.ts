// §14.5 TLS-RPT record (CHK-RPT-1…7). CHK-RPT-6 (test POST to an https rua) runs only when
// the caller opts in (testHttpsRua): it delivers a report to the endpoint.
import type { Diagnostic } from "../core/diagnostic";
import { joinTxtStrings } from "../mta-sts/txt-record";
import { selectTlsRptRecord } from "../tlsrpt/tlsrpt-record";
import { chainText, lookupProblem, type ProbeContext } from "./context";
import { groupByCheck, result, worstSeverity } from "./result";
import { firstRuaResult } from "./first-rua";
import { probeHttpsRua } from "./rua-https-probe";
import type { CheckResult, PolicyMode } from "./types";

export interface StsState {
  deployed: boolean;
  mode: PolicyMode | null;
}

function chkIdFor(d: Diagnostic): string {
  if (d.id === "RPT-TXT-4" && d.severity === "error") return "CHK-RPT-2";
  if (d.id === "RPT-TXT-6") return "CHK-RPT-4";
  return "CHK-RPT-3";
}

const TITLES: Record<string, string> = {
  "CHK-RPT-2": "More than one TLS-RPT record",
  "CHK-RPT-3": "TLS-RPT record syntax",
  "CHK-RPT-4": "Several rua= fields",
};

export async function checkTlsRpt(ctx: ProbeContext, sts: Promise<StsState>): Promise<void> {
  const name = `_smtp._tls.${ctx.domain}`;
  const lookup = await ctx.dns.txt(name);
  if (lookup.status === "error") {
    ctx.emit(
      result(
        "CHK-RPT-1",
        "untested",
        "Could not look up the TLS-RPT record",
        `${name}: ${lookupProblem(lookup)}`,
      ),
    );
    return;
  }
  const records = lookup.records.map(joinTxtStrings);
  const evidence = `${chainText(name, lookup.cnameChain)}: ${records.length ? records.map((r) => `"${r}"`).join(", ") : lookupProblem(lookup)}`;
  const selection = selectTlsRptRecord(lookup.records, { policyDomain: ctx.domain });
  if (selection.status === "absent") {
    ctx.emit(await absentResult(ctx, evidence, await sts));
  } else {
    ctx.emit(result("CHK-RPT-1", "ok", "TLS-RPT record found", evidence));
  }
  const byId = groupByCheck(selection.diagnostics, chkIdFor);
  for (const [id, list] of byId) {
    const fix = list.map((d) => d.message).join(" ");
    ctx.emit(result(id, worstSeverity(list), TITLES[id] ?? id, evidence, fix));
  }
  if (selection.status === "valid" && !byId.has("CHK-RPT-3")) {
    ctx.emit(result("CHK-RPT-3", "ok", "TLS-RPT record syntax is valid", evidence));
  }
  const first = firstRuaResult(ctx.ownRua, selection.record?.rua ?? [], evidence);
  if (first) ctx.emit(first);
  for (const dest of selection.record?.rua ?? []) {
    if (dest.scheme === "mailto") ctx.emit(await mailtoResult(ctx, dest.address, dest.domain));
    else if (ctx.testHttpsRua) ctx.emit(await probeHttpsRua(ctx, dest.url));
  }
}

async function absentResult(
  ctx: ProbeContext,
  evidence: string,
  sts: StsState,
): Promise<CheckResult> {
  const fix = `Publish a TXT record at _smtp._tls.${ctx.domain}: "v=TLSRPTv1; rua=mailto:tlsrpt@${ctx.domain}".`;
  const draft = await ctx.dns.txt(`_smtp-tlsrpt.${ctx.domain}`);
  const old = draft.records.map(joinTxtStrings).filter((r) => r.startsWith("v=TLSRPTv1"));
  if (old.length > 0) {
    // CHK-RPT-5 / RPT-TXT-1: the early-draft name; senders never look there.
    return result(
      "CHK-RPT-5",
      "warning",
      "TLS-RPT record only at the draft name _smtp-tlsrpt",
      `_smtp-tlsrpt.${ctx.domain}: "${old.join('", "')}"`,
      `Move the record to _smtp._tls.${ctx.domain}.`,
    );
  }
  // CHK-RPT-1: without reports a testing-mode rollout is blind (READY-3).
  if (sts.mode === "testing")
    return result(
      "CHK-RPT-1",
      "error",
      "No TLS-RPT record while MTA-STS is in testing mode",
      evidence,
      fix,
    );
  if (sts.deployed)
    return result(
      "CHK-RPT-1",
      "warning",
      "No TLS-RPT record: no visibility into failures",
      evidence,
      fix,
    );
  return result(
    "CHK-RPT-1",
    "info",
    "TLS-RPT not deployed",
    evidence,
    `${fix} Publish it before the MTA-STS record (STS-OPS-8).`,
  );
}

/** CHK-RPT-7: the mailbox domain must accept mail: MX, or an implicit MX via A/AAAA, not null MX. */
async function mailtoResult(
  ctx: ProbeContext,
  address: string,
  domain: string,
): Promise<CheckResult> {
  const mx = await ctx.dns.mx(domain);
  const fix = `Use a rua mailbox whose domain receives mail, or publish MX records for ${domain}.`;
  if (mx.status === "error") {
    return result(
      "CHK-RPT-7",
      "untested",
      "Could not check the report mailbox domain",
      `${domain}: ${lookupProblem(mx)}`,
      "",
      address,
    );
  }
  const hosts = mx.records.filter((r) => r.exchange.replace(/\.$/, "") !== "");
  if (mx.records.length > 0 && hosts.length === 0) {
    return result(
      "CHK-RPT-7",
      "error",
      "Report mailbox domain accepts no mail (null MX)",
      `${domain}: MX 0 .`,
      fix,
      address,
    );
  }
  if (hosts.length > 0) {
    return result(
      "CHK-RPT-7",
      "ok",
      "Report mailbox domain receives mail",
      `${address}: ${domain} MX ${hosts.map((h) => h.exchange).join(", ")}`,
      "",
      address,
    );
  }
  const implicit = mx.status === "nxdomain" ? mx : await ctx.dns.addresses(domain);
  if (implicit.status === "ok") {
    return result(
      "CHK-RPT-7",
      "ok",
      "Report mailbox domain receives mail (implicit MX)",
      `${address}: ${domain} has no MX; A/AAAA ${implicit.records.join(", ")}`,
      "",
      address,
    );
  }
  if (implicit.status === "error") {
    return result(
      "CHK-RPT-7",
      "untested",
      "Could not check the report mailbox domain",
      `${domain}: ${lookupProblem(implicit)}`,
      "",
      address,
    );
  }
  return result(
    "CHK-RPT-7",
    "error",
    "Report mailbox domain cannot receive mail",
    `${address}: ${domain} has no MX and no A/AAAA (${lookupProblem(implicit)})`,
    fix,
    address,
  );
}
