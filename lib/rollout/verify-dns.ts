// Step 4 "Verify": both TXT records looked up live (with TTL), compared with what this
// installation expects, plus the MX hosts for the coverage check of step 2.
import type { Diagnostic } from "@/lib/core/diagnostic";
import type { DnsClient, Lookup } from "@/lib/dns/resolver";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { joinTxtStrings, selectStsTxtRecord } from "@/lib/mta-sts/txt-record";
import { selectTlsRptRecord } from "@/lib/tlsrpt/tlsrpt-record";
import { stsRecordName, stsRecordValue, tlsRptRecordName, tlsRptRecordValue } from "./records";
import type { DnsVerification, RecordCheck } from "./types";

function base(name: string, expected: string | null, lookup: Lookup<string[]>): RecordCheck {
  return {
    name,
    status: "missing",
    expected,
    found: lookup.records.map(joinTxtStrings),
    ttl: lookup.ttl ?? null,
    notes: [],
  };
}

/** Add a note; a diagnostic's ref goes beside it in `noteRefs` (issue 16 §6). */
function addNote(check: RecordCheck, text: string, ref: MessageRef | null = null): void {
  if (ref && !check.noteRefs) check.noteRefs = check.notes.map(() => null);
  check.notes.push(text);
  check.noteRefs?.push(ref);
}

/** Step 4's own notes: namespace "diagnostics", `verifyDns.*`. */
const note = (key: string, params?: Record<string, string>): MessageRef =>
  params ? { key: `verifyDns.${key}`, params } : { key: `verifyDns.${key}` };

/** The parser's errors, each as a note with its ref. */
const addErrors = (check: RecordCheck, diagnostics: readonly Diagnostic[]): void => {
  for (const d of diagnostics) if (d.severity === "error") addNote(check, d.message, d.ref ?? null);
};

function lookupFailed(check: RecordCheck, lookup: Lookup<string[]>): boolean {
  if (lookup.status !== "error") return false;
  check.status = "error";
  const error = lookup.error ?? "unknown error";
  addNote(check, `The lookup failed (${error}): try again.`, note("lookupFailed", { error }));
  return true;
}

export async function verifyDns(
  domain: string,
  policyId: string | null,
  ruaUris: readonly string[],
  dns: DnsClient,
  now: () => number = Date.now,
): Promise<DnsVerification> {
  const [stsLookup, rptLookup, mxLookup] = await Promise.all([
    dns.txt(stsRecordName(domain)),
    dns.txt(tlsRptRecordName(domain)),
    dns.mx(domain),
  ]);

  const sts = {
    ...base(stsRecordName(domain), policyId ? stsRecordValue(policyId) : null, stsLookup),
    foundId: null as string | null,
  };
  if (!lookupFailed(sts, stsLookup)) {
    const sel = selectStsTxtRecord(stsLookup.records);
    sts.foundId = sel.status === "valid" ? (sel.record?.id ?? null) : null;
    if (sel.status === "absent") {
      addNote(sts, `No v=STSv1 record at ${sts.name}.`, note("noStsRecord", { name: sts.name }));
    } else if (sel.status !== "valid") {
      sts.status = "invalid";
      addErrors(sts, sel.diagnostics);
    } else if (sts.foundId === policyId) {
      sts.status = "match";
    } else {
      sts.status = "mismatch";
      const found = sts.foundId ?? "?";
      addNote(
        sts,
        `The record carries id ${found}; the served version is ${policyId ?? "(none)"}.`,
        policyId
          ? note("idMismatch", { found, served: policyId })
          : note("idMismatchNoVersion", { found }),
      );
    }
  }

  const expectedRpt = ruaUris.length > 0 ? tlsRptRecordValue(ruaUris) : null;
  const tlsRpt = base(tlsRptRecordName(domain), expectedRpt, rptLookup);
  if (!lookupFailed(tlsRpt, rptLookup)) {
    const sel = selectTlsRptRecord(rptLookup.records, { policyDomain: domain });
    if (sel.status === "absent") {
      addNote(
        tlsRpt,
        `no v=TLSRPTv1 record at ${tlsRpt.name}`,
        note("noTlsRptRecord", { name: tlsRpt.name }),
      );
    } else if (sel.status !== "valid" || sel.record === null) {
      tlsRpt.status = "invalid";
      addErrors(tlsRpt, sel.diagnostics);
    } else {
      const found = sel.record.rua.map((r) => r.uri.toLowerCase());
      const absent = ruaUris.filter((u) => !found.includes(u.toLowerCase()));
      const extra = sel.record.rua
        .map((r) => r.uri)
        .filter((u) => !ruaUris.some((e) => e.toLowerCase() === u.toLowerCase()));
      // Issue 15 item 5: the record keeps the other destinations but always lists this
      // installation's first: Microsoft sends reports only to the first rua address.
      if (ruaUris.length > 0) tlsRpt.expected = tlsRptRecordValue([...ruaUris, ...extra]);
      const firstOurs = ruaUris.length === 0 || ruaUris.some((u) => u.toLowerCase() === found[0]);
      if (absent.length === 0 && firstOurs) {
        tlsRpt.status = "match";
        if (ruaUris.length === 0) {
          addNote(
            tlsRpt,
            "A valid record is published; this installation has no rua configured, so reports go only where it says.",
            note("noRuaConfigured"),
          );
        }
        if (extra.length > 0 && ruaUris.length > 0) {
          const also = extra.map((u) => u.toLowerCase()).join(", ");
          addNote(tlsRpt, `Reports also go to ${also}.`, note("alsoTo", { destinations: also }));
        }
      } else if (absent.length === 0) {
        tlsRpt.status = "mismatch";
        const first = sel.record.rua[0]?.uri;
        const ours = ruaUris[0] ?? "";
        addNote(
          tlsRpt,
          `${first ?? "another address"} comes first in rua: Microsoft sends reports only to the first rua address, so put ${ours} first`,
          first ? note("notFirst", { first, ours }) : null,
        );
      } else {
        tlsRpt.status = "mismatch";
        const missing = absent.join(", ");
        addNote(
          tlsRpt,
          `rua does not include ${missing}: reports will not reach this installation`,
          note("ruaMissing", { missing }),
        );
      }
    }
  }

  const mxHosts =
    mxLookup.status === "ok"
      ? mxLookup.records
          .map((m) => m.exchange.toLowerCase().replace(/\.$/, ""))
          .filter((h) => h !== "")
      : mxLookup.status === "error"
        ? null
        : [];
  return { at: new Date(now()).toISOString(), policyId, sts, tlsRpt, mxHosts };
}
