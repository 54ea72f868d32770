// Step 4 "Verify": both TXT records looked up live (with TTL), compared with what this
// installation expects, plus the MX hosts for the coverage check of step 2.
import type { DnsClient, Lookup } from "@/lib/dns/resolver";
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

function lookupFailed(check: RecordCheck, lookup: Lookup<string[]>): boolean {
  if (lookup.status !== "error") return false;
  check.status = "error";
  check.notes.push(`The lookup failed (${lookup.error ?? "unknown error"}): try again.`);
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
      sts.notes.push(`No v=STSv1 record at ${sts.name}.`);
    } else if (sel.status !== "valid") {
      sts.status = "invalid";
      sts.notes.push(
        ...sel.diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
      );
    } else if (sts.foundId === policyId) {
      sts.status = "match";
    } else {
      sts.status = "mismatch";
      sts.notes.push(
        `The record carries id ${sts.foundId ?? "?"}; the served version is ${policyId ?? "(none)"}.`,
      );
    }
  }

  const expectedRpt = ruaUris.length > 0 ? tlsRptRecordValue(ruaUris) : null;
  const tlsRpt = base(tlsRptRecordName(domain), expectedRpt, rptLookup);
  if (!lookupFailed(tlsRpt, rptLookup)) {
    const sel = selectTlsRptRecord(rptLookup.records, { policyDomain: domain });
    if (sel.status === "absent") {
      tlsRpt.notes.push(`no v=TLSRPTv1 record at ${tlsRpt.name}`);
    } else if (sel.status !== "valid" || sel.record === null) {
      tlsRpt.status = "invalid";
      tlsRpt.notes.push(
        ...sel.diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
      );
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
          tlsRpt.notes.push(
            "A valid record is published; this installation has no rua configured, so reports go only where it says.",
          );
        }
        if (extra.length > 0 && ruaUris.length > 0) {
          tlsRpt.notes.push(`Reports also go to ${extra.map((u) => u.toLowerCase()).join(", ")}.`);
        }
      } else if (absent.length === 0) {
        tlsRpt.status = "mismatch";
        tlsRpt.notes.push(
          `${sel.record.rua[0]?.uri ?? "another address"} comes first in rua: Microsoft sends reports only to the first rua address, so put ${ruaUris[0]} first`,
        );
      } else {
        tlsRpt.status = "mismatch";
        tlsRpt.notes.push(
          `rua does not include ${absent.join(", ")}: reports will not reach this installation`,
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
