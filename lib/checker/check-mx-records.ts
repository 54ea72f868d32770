// CHK-DNS-1 (ours): the MX set every other MX check runs against; CHK-MX-9 null MX.
import { lookupProblem, type ProbeContext } from "./context";
import { result } from "./result";

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
      result(
        "CHK-DNS-1",
        "untested",
        "Could not look up the MX records",
        `${d}: ${lookupProblem(lookup)}`,
      ),
    );
    return { hosts: [], nullMx: false };
  }
  if (lookup.status === "nxdomain") {
    ctx.emit(
      result(
        "CHK-DNS-1",
        "error",
        "The domain does not exist",
        `${d}: ${lookupProblem(lookup)}`,
        `Check the spelling of ${d}, or create the zone before setting up MTA-STS.`,
      ),
    );
    return { hosts: [], nullMx: false };
  }
  const sorted = [...lookup.records].sort((a, b) => a.priority - b.priority);
  const shown = sorted.map((r) => `MX ${r.priority} ${r.exchange || "."}`).join(", ");
  // RFC 7505: a single "MX 0 ." says the domain accepts no mail.
  if (sorted.length === 1 && (sorted[0]?.exchange ?? "").replace(/\.$/, "") === "") {
    ctx.emit(result("CHK-DNS-1", "info", "Null MX: the domain accepts no mail", `${d}: ${shown}`));
    return { hosts: [], nullMx: true };
  }
  if (sorted.length === 0) {
    const implicit = await ctx.dns.addresses(d);
    if (implicit.status === "ok") {
      ctx.emit(
        result(
          "CHK-DNS-1",
          "info",
          "No MX records: mail goes to the domain's own address",
          `${d}: no MX; A/AAAA ${implicit.records.join(", ")} (implicit MX)`,
          `Publish an explicit MX record for ${d}; an implicit MX works but is easy to break.`,
        ),
      );
      return { hosts: [d], nullMx: false };
    }
    ctx.emit(
      result(
        "CHK-DNS-1",
        "error",
        "The domain cannot receive mail",
        `${d}: no MX and no A/AAAA records`,
        `Publish MX records for ${d} naming your mail servers.`,
      ),
    );
    return { hosts: [], nullMx: false };
  }
  const hosts = [...new Set(sorted.map((r) => r.exchange.toLowerCase().replace(/\.$/, "")))];
  ctx.emit(result("CHK-DNS-1", "ok", `${hosts.length} MX host(s)`, `${d}: ${shown}`));
  return { hosts, nullMx: false };
}
