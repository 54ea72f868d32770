// §14.5 TLS-RPT record (CHK-RPT-1…7). CHK-RPT-6 (test POST to an https rua) runs only when
// the caller opts in (testHttpsRua): it delivers a report to the endpoint.
import type { Diagnostic } from "../core/diagnostic";
import { joinTxtStrings } from "../mta-sts/txt-record";
import { selectTlsRptRecord } from "../tlsrpt/tlsrpt-record";
import { chainText, lookupEvidence, type ProbeContext } from "./context";
import { diagnosticsResult, groupByCheck, result, type ResultText } from "./result";
import { ct, type CheckTextKey } from "./text";
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

const TITLES: Record<string, CheckTextKey> = {
  "CHK-RPT-2": "rpt.several",
  "CHK-RPT-3": "rpt.syntax",
  "CHK-RPT-4": "rpt.severalRua",
};

export async function checkTlsRpt(ctx: ProbeContext, sts: Promise<StsState>): Promise<void> {
  const name = `_smtp._tls.${ctx.domain}`;
  const lookup = await ctx.dns.txt(name);
  if (lookup.status === "error") {
    ctx.emit(result("CHK-RPT-1", "untested", ct("rpt.lookupFailed"), lookupEvidence(name, lookup)));
    return;
  }
  const records = lookup.records.map(joinTxtStrings);
  const shown = chainText(name, lookup.cnameChain);
  const evidence: ResultText = records.length
    ? `${shown}: ${records.map((r) => `"${r}"`).join(", ")}`
    : lookupEvidence(shown, lookup);
  const selection = selectTlsRptRecord(lookup.records, { policyDomain: ctx.domain });
  if (selection.status === "absent") {
    ctx.emit(await absentResult(ctx, evidence, await sts));
  } else {
    ctx.emit(result("CHK-RPT-1", "ok", ct("rpt.found"), evidence));
  }
  const byId = groupByCheck(selection.diagnostics, chkIdFor);
  for (const [id, list] of byId) {
    // Translated on the check page when every diagnostic has a ref (the shared field
    // grammar's do; RPT-TXT-3/6/7/8's own stay English for now).
    const title = TITLES[id];
    ctx.emit(diagnosticsResult(id, title ? ct(title) : id, evidence, list));
  }
  if (selection.status === "valid" && !byId.has("CHK-RPT-3")) {
    ctx.emit(result("CHK-RPT-3", "ok", ct("rpt.syntaxValid"), evidence));
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
  evidence: ResultText,
  sts: StsState,
): Promise<CheckResult> {
  const fix = ct("rpt.publishFix", { domain: ctx.domain });
  const draft = await ctx.dns.txt(`_smtp-tlsrpt.${ctx.domain}`);
  const old = draft.records.map(joinTxtStrings).filter((r) => r.startsWith("v=TLSRPTv1"));
  if (old.length > 0) {
    // CHK-RPT-5 / RPT-TXT-1: the early-draft name; senders never look there.
    return result(
      "CHK-RPT-5",
      "warning",
      ct("rpt.draftName"),
      `_smtp-tlsrpt.${ctx.domain}: "${old.join('", "')}"`,
      ct("rpt.draftNameFix", { domain: ctx.domain }),
    );
  }
  // CHK-RPT-1: without reports a testing-mode rollout is blind (READY-3).
  if (sts.mode === "testing")
    return result("CHK-RPT-1", "error", ct("rpt.missingTesting"), evidence, fix);
  if (sts.deployed) return result("CHK-RPT-1", "warning", ct("rpt.missing"), evidence, fix);
  return result(
    "CHK-RPT-1",
    "info",
    ct("rpt.notDeployed"),
    evidence,
    ct("rpt.notDeployedFix", { domain: ctx.domain }),
  );
}

/** CHK-RPT-7: the mailbox domain must accept mail: MX, or an implicit MX via A/AAAA, not null MX. */
async function mailtoResult(
  ctx: ProbeContext,
  address: string,
  domain: string,
): Promise<CheckResult> {
  const mx = await ctx.dns.mx(domain);
  const fix = ct("rpt.mailboxFix", { domain });
  if (mx.status === "error") {
    return result(
      "CHK-RPT-7",
      "untested",
      ct("rpt.mailboxUntested"),
      lookupEvidence(domain, mx),
      "",
      address,
    );
  }
  const hosts = mx.records.filter((r) => r.exchange.replace(/\.$/, "") !== "");
  if (mx.records.length > 0 && hosts.length === 0) {
    return result("CHK-RPT-7", "error", ct("rpt.mailboxNullMx"), `${domain}: MX 0 .`, fix, address);
  }
  if (hosts.length > 0) {
    return result(
      "CHK-RPT-7",
      "ok",
      ct("rpt.mailboxOk"),
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
      ct("rpt.mailboxImplicit"),
      ct("rpt.mailboxImplicitEvidence", {
        address,
        domain,
        addresses: implicit.records.join(", "),
      }),
      "",
      address,
    );
  }
  if (implicit.status === "error") {
    return result(
      "CHK-RPT-7",
      "untested",
      ct("rpt.mailboxUntested"),
      lookupEvidence(domain, implicit),
      "",
      address,
    );
  }
  return result(
    "CHK-RPT-7",
    "error",
    ct("rpt.mailboxNoMail"),
    ct("rpt.mailboxNoMailEvidence", { address, domain, status: implicit.status }),
    fix,
    address,
  );
}
