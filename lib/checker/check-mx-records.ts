// CHK-DNS-1 (ours): the MX set every other MX check runs against; CHK-MX-9 null MX.
import { lookupEvidence, type ProbeContext } from "./context";
import { result } from "./result";
import { ct } from "./text";

export interface MxFacts {
  /** MX host names, by priority; the domain itself for an implicit MX (RFC 5321 §5.1). */
  hosts: string[];
  nullMx: boolean;
}

export async function checkMxRecords(ctx: ProbeContext): Promise<MxFacts> {
  const d = ctx.domain;
  const lookup = await ctx.dns.mx(d);
  if (lookup.status === "error") {
    ctx.emit(
      result("CHK-DNS-1", "untested", ct("mxRecords.lookupFailed"), lookupEvidence(d, lookup)),
    );
    return { hosts: [], nullMx: false };
  }
  if (lookup.status === "nxdomain") {
    ctx.emit(
      result(
        "CHK-DNS-1",
        "error",
        ct("mxRecords.nxdomain"),
        lookupEvidence(d, lookup),
        ct("mxRecords.nxdomainFix", { domain: d }),
      ),
    );
    return { hosts: [], nullMx: false };
  }
  const sorted = [...lookup.records].sort((a, b) => a.priority - b.priority);
  const shown = sorted.map((r) => `MX ${r.priority} ${r.exchange || "."}`).join(", ");
  // RFC 7505: a single "MX 0 ." says the domain accepts no mail.
  if (sorted.length === 1 && (sorted[0]?.exchange ?? "").replace(/\.$/, "") === "") {
    ctx.emit(result("CHK-DNS-1", "info", ct("mxRecords.nullMx"), `${d}: ${shown}`));
    return { hosts: [], nullMx: true };
  }
  if (sorted.length === 0) {
    const implicit = await ctx.dns.addresses(d);
    if (implicit.status === "ok") {
      ctx.emit(
        result(
          "CHK-DNS-1",
          "info",
          ct("mxRecords.implicit"),
          ct("mxRecords.implicitEvidence", { domain: d, addresses: implicit.records.join(", ") }),
          ct("mxRecords.implicitFix", { domain: d }),
        ),
      );
      return { hosts: [d], nullMx: false };
    }
    ctx.emit(
      result(
        "CHK-DNS-1",
        "error",
        ct("mxRecords.noMail"),
        ct("mxRecords.noMailEvidence", { domain: d }),
        ct("mxRecords.noMailFix", { domain: d }),
      ),
    );
    return { hosts: [], nullMx: false };
  }
  const hosts = [...new Set(sorted.map((r) => r.exchange.toLowerCase().replace(/\.$/, "")))];
  ctx.emit(
    result(
      "CHK-DNS-1",
      "ok",
      ct("mxRecords.hosts", { count: String(hosts.length) }),
      `${d}: ${shown}`,
    ),
  );
  return { hosts, nullMx: false };
}
