// CHK-AUTH-1 SPF, CHK-AUTH-2 DMARC, CHK-AUTH-3 DKIM per admin-supplied selector. These ids
// are ours (the spec's §14 has none): the email-authentication records an admin is told to
// set up alongside MTA-STS. Absent SPF/DMARC is a warning; broken or duplicate is an error.
import { joinTxtStrings } from "../mta-sts/txt-record";
import { dkimProblems, dmarcProblems, spfProblems } from "./auth-records";
import { lookupProblem, type ProbeContext } from "./context";
import { result } from "./result";
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
    return result(
      "CHK-AUTH-1",
      "untested",
      "Could not look up SPF",
      `${d}: ${lookupProblem(lookup)}`,
    );
  const spf = lookup.records.map(joinTxtStrings).filter((r) => /^v=spf1( |$)/i.test(r));
  const fix = `Publish one TXT record at ${d} such as "v=spf1 mx -all" listing every server that sends mail for ${d}.`;
  if (spf.length === 0)
    return result(
      "CHK-AUTH-1",
      "warning",
      "No SPF record",
      `${d}: no TXT record starting with v=spf1`,
      fix,
    );
  if (spf.length > 1)
    return result(
      "CHK-AUTH-1",
      "error",
      "More than one SPF record",
      `${d}: ${quoted(spf)}`,
      `Merge them into one record: receivers treat several as a permanent error (RFC 7208 §4.5).`,
    );
  const problems = spfProblems(spf[0] ?? "");
  if (problems.length > 0)
    return result(
      "CHK-AUTH-1",
      "error",
      "SPF record does not parse",
      `${d}: ${quoted(spf)}`,
      `Fix the record: ${problems.join("; ")}.`,
    );
  if (/(^| )\+?all( |$)/i.test(spf[0] ?? "")) {
    return result(
      "CHK-AUTH-1",
      "warning",
      "SPF allows every server (+all)",
      `${d}: ${quoted(spf)}`,
      `End the record with -all or ~all.`,
    );
  }
  return result("CHK-AUTH-1", "ok", "SPF record present and parseable", `${d}: ${quoted(spf)}`);
}

async function checkDmarc(ctx: ProbeContext): Promise<CheckResult> {
  const name = `_dmarc.${ctx.domain}`;
  const lookup = await ctx.dns.txt(name);
  if (lookup.status === "error")
    return result(
      "CHK-AUTH-2",
      "untested",
      "Could not look up DMARC",
      `${name}: ${lookupProblem(lookup)}`,
    );
  const all = lookup.records.map(joinTxtStrings);
  const dmarc = all.filter((r) => /^v=DMARC1/i.test(r));
  const fix = `Publish a TXT record at ${name} such as "v=DMARC1; p=none; rua=mailto:dmarc@${ctx.domain}", then tighten p once reports look clean.`;
  if (dmarc.length === 0)
    return result(
      "CHK-AUTH-2",
      "warning",
      "No DMARC record",
      `${name}: ${all.length ? quoted(all) : lookupProblem(lookup)}`,
      fix,
    );
  if (dmarc.length > 1)
    return result(
      "CHK-AUTH-2",
      "error",
      "More than one DMARC record",
      `${name}: ${quoted(dmarc)}`,
      "Keep exactly one DMARC record: receivers ignore DMARC when there are several.",
    );
  const { problems, policy } = dmarcProblems(dmarc[0] ?? "");
  if (problems.length > 0)
    return result(
      "CHK-AUTH-2",
      "error",
      "DMARC record does not parse",
      `${name}: ${quoted(dmarc)}`,
      `Fix the record: ${problems.join("; ")}.`,
    );
  if (policy === "none")
    return result(
      "CHK-AUTH-2",
      "info",
      "DMARC in monitoring mode (p=none)",
      `${name}: ${quoted(dmarc)}`,
      "Move to p=quarantine, then p=reject, once DMARC reports show all legitimate mail passes.",
    );
  return result(
    "CHK-AUTH-2",
    "ok",
    `DMARC record present (p=${policy})`,
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
      "Could not look up DKIM key",
      `${name}: ${lookupProblem(lookup)}`,
      "",
      selector,
    );
  const all = lookup.records.map(joinTxtStrings);
  const fix = `Publish the public key your mail server signs with at ${name} ("v=DKIM1; k=rsa; p=…"), or correct the selector.`;
  if (all.length === 0)
    return result(
      "CHK-AUTH-3",
      "error",
      `No DKIM key for selector ${selector}`,
      `${name}: ${lookupProblem(lookup)}`,
      fix,
      selector,
    );
  if (all.length > 1)
    return result(
      "CHK-AUTH-3",
      "error",
      `Several DKIM records for selector ${selector}`,
      `${name}: ${quoted(all)}`,
      "Keep exactly one key record per selector.",
      selector,
    );
  const { problems, revoked } = dkimProblems(all[0] ?? "");
  const shown = `${name}: ${quoted(all.map((r) => (r.length > 120 ? `${r.slice(0, 120)}…` : r)))}`;
  if (problems.length > 0)
    return result(
      "CHK-AUTH-3",
      "error",
      `DKIM key for ${selector} does not parse`,
      shown,
      `Fix the record: ${problems.join("; ")}.`,
      selector,
    );
  if (revoked)
    return result(
      "CHK-AUTH-3",
      "warning",
      `DKIM key for ${selector} is revoked (empty p=)`,
      shown,
      "Sign with a current selector, or publish the key again if this selector is still in use.",
      selector,
    );
  return result("CHK-AUTH-3", "ok", `DKIM key for ${selector} present`, shown, "", selector);
}
