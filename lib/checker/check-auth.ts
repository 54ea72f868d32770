// CHK-AUTH-1 SPF, CHK-AUTH-2 DMARC, CHK-AUTH-3 DKIM per admin-supplied selector. These ids
// are ours (the spec's §14 has none): the email-authentication records an admin is told to
// set up alongside MTA-STS. Absent SPF/DMARC is a warning; broken or duplicate is an error.
import { joinTxtStrings } from "../mta-sts/txt-record";
import { dkimProblems, dmarcProblems, spfProblems } from "./auth-records";
import { lookupEvidence, type ProbeContext } from "./context";
import { result } from "./result";
import { ct } from "./text";
import type { CheckResult } from "./types";

const quoted = (records: readonly string[]) => records.map((r) => `"${r}"`).join(", ");

export async function checkAuth(ctx: ProbeContext): Promise<void> {
  const [spf, dmarc, ...dkim] = await Promise.all([
    checkSpf(ctx),
    checkDmarc(ctx),
    ...ctx.dkimSelectors.map((s) => checkDkim(ctx, s)),
  ]);
  [spf, dmarc, ...dkim].forEach((r) => r && ctx.emit(r));
}

async function checkSpf(ctx: ProbeContext): Promise<CheckResult> {
  const d = ctx.domain;
  const lookup = await ctx.dns.txt(d);
  if (lookup.status === "error")
    return result("CHK-AUTH-1", "untested", ct("auth.spfLookupFailed"), lookupEvidence(d, lookup));
  const spf = lookup.records.map(joinTxtStrings).filter((r) => /^v=spf1( |$)/i.test(r));
  const fix = ct("auth.spfFix", { domain: d });
  if (spf.length === 0)
    return result(
      "CHK-AUTH-1",
      "warning",
      ct("auth.noSpf"),
      ct("auth.noSpfEvidence", { domain: d }),
      fix,
    );
  if (spf.length > 1)
    return result(
      "CHK-AUTH-1",
      "error",
      ct("auth.severalSpf"),
      `${d}: ${quoted(spf)}`,
      ct("auth.severalSpfFix"),
    );
  const problems = spfProblems(spf[0] ?? "");
  if (problems.length > 0)
    return result(
      "CHK-AUTH-1",
      "error",
      ct("auth.spfInvalid"),
      `${d}: ${quoted(spf)}`,
      ct("auth.fixRecord", { problems: problems.join("; ") }),
    );
  if (/(^| )\+?all( |$)/i.test(spf[0] ?? "")) {
    return result(
      "CHK-AUTH-1",
      "warning",
      ct("auth.spfAll"),
      `${d}: ${quoted(spf)}`,
      ct("auth.spfAllFix"),
    );
  }
  return result("CHK-AUTH-1", "ok", ct("auth.spfOk"), `${d}: ${quoted(spf)}`);
}

async function checkDmarc(ctx: ProbeContext): Promise<CheckResult> {
  const name = `_dmarc.${ctx.domain}`;
  const lookup = await ctx.dns.txt(name);
  if (lookup.status === "error")
    return result(
      "CHK-AUTH-2",
      "untested",
      ct("auth.dmarcLookupFailed"),
      lookupEvidence(name, lookup),
    );
  const all = lookup.records.map(joinTxtStrings);
  const dmarc = all.filter((r) => /^v=DMARC1/i.test(r));
  const fix = ct("auth.dmarcFix", { name, domain: ctx.domain });
  if (dmarc.length === 0)
    return result(
      "CHK-AUTH-2",
      "warning",
      ct("auth.noDmarc"),
      all.length ? `${name}: ${quoted(all)}` : lookupEvidence(name, lookup),
      fix,
    );
  if (dmarc.length > 1)
    return result(
      "CHK-AUTH-2",
      "error",
      ct("auth.severalDmarc"),
      `${name}: ${quoted(dmarc)}`,
      ct("auth.severalDmarcFix"),
    );
  const { problems, policy } = dmarcProblems(dmarc[0] ?? "");
  if (problems.length > 0)
    return result(
      "CHK-AUTH-2",
      "error",
      ct("auth.dmarcInvalid"),
      `${name}: ${quoted(dmarc)}`,
      ct("auth.fixRecord", { problems: problems.join("; ") }),
    );
  if (policy === "none")
    return result(
      "CHK-AUTH-2",
      "info",
      ct("auth.dmarcNone"),
      `${name}: ${quoted(dmarc)}`,
      ct("auth.dmarcNoneFix"),
    );
  return result(
    "CHK-AUTH-2",
    "ok",
    ct("auth.dmarcOk", { policy: String(policy) }),
    `${name}: ${quoted(dmarc)}`,
  );
}

async function checkDkim(ctx: ProbeContext, selector: string): Promise<CheckResult> {
  const name = `${selector}._domainkey.${ctx.domain}`;
  const lookup = await ctx.dns.txt(name);
  if (lookup.status === "error")
    return result(
      "CHK-AUTH-3",
      "untested",
      ct("auth.dkimLookupFailed"),
      lookupEvidence(name, lookup),
      "",
      selector,
    );
  const all = lookup.records.map(joinTxtStrings);
  const fix = ct("auth.dkimFix", { name });
  if (all.length === 0)
    return result(
      "CHK-AUTH-3",
      "error",
      ct("auth.noDkim", { selector }),
      lookupEvidence(name, lookup),
      fix,
      selector,
    );
  if (all.length > 1)
    return result(
      "CHK-AUTH-3",
      "error",
      ct("auth.severalDkim", { selector }),
      `${name}: ${quoted(all)}`,
      ct("auth.severalDkimFix"),
      selector,
    );
  const { problems, revoked } = dkimProblems(all[0] ?? "");
  const shown = `${name}: ${quoted(all.map((r) => (r.length > 120 ? `${r.slice(0, 120)}…` : r)))}`;
  if (problems.length > 0)
    return result(
      "CHK-AUTH-3",
      "error",
      ct("auth.dkimInvalid", { selector }),
      shown,
      ct("auth.fixRecord", { problems: problems.join("; ") }),
      selector,
    );
  if (revoked)
    return result(
      "CHK-AUTH-3",
      "warning",
      ct("auth.dkimRevoked", { selector }),
      shown,
      ct("auth.dkimRevokedFix"),
      selector,
    );
  return result("CHK-AUTH-3", "ok", ct("auth.dkimOk", { selector }), shown, "", selector);
}
