import { Resolver } from "node:dns/promises";
import { parseServer, rawQuery, type ServerAddress } from "./raw-query";
import { RR_TYPE, type TlsaData, type WireRecord } from "./wire";

export type LookupStatus = "ok" | "nxdomain" | "nodata" | "error";

export interface Lookup<T> {
  status: LookupStatus;
  records: T[];
  /** Smallest TTL of the answer RRset, when the transport gives one. */
  ttl?: number;
  /** CNAMEs followed from the queried name, in order ("a -> b -> c"). Empty when none. */
  cnameChain: string[];
  /** For status "error": what went wrong (timeout, SERVFAIL, refused). */
  error?: string;
}

export interface MxRecord {
  priority: number;
  exchange: string;
}

/** What the checker needs from DNS. Tests point it at a loopback server. */
export interface DnsClient {
  mx(name: string): Promise<Lookup<MxRecord>>;
  /** Each record is one TXT RR as its character-strings, not yet joined (STS-TXT-9). */
  txt(name: string): Promise<Lookup<string[]>>;
  /** A and AAAA together. */
  addresses(name: string): Promise<Lookup<string>>;
  tlsa(name: string): Promise<Lookup<TlsaData>>;
}

export interface DnsClientOptions {
  /** e.g. ["127.0.0.1:5353"]; default: the system resolvers from /etc/resolv.conf. */
  servers?: string[];
  timeoutMs?: number;
  signal?: AbortSignal;
}

const RCODE_TEXT: Record<number, string> = { 2: "SERVFAIL", 4: "NOTIMP", 5: "REFUSED" };

function nodeErrorToLookup<T>(e: unknown): Lookup<T> {
  const code = (e as { code?: string }).code;
  if (code === "ENOTFOUND") return { status: "nxdomain", records: [], cnameChain: [] };
  if (code === "ENODATA") return { status: "nodata", records: [], cnameChain: [] };
  return { status: "error", records: [], cnameChain: [], error: code ?? String(e) };
}

function chainOf(name: string, answers: WireRecord[]): { chain: string[]; owner: string } {
  const chain: string[] = [];
  let owner = name.toLowerCase().replace(/\.$/, "");
  for (let i = 0; i < 16; i++) {
    const cname = answers.find((a) => a.data.type === "CNAME" && a.name.toLowerCase() === owner);
    if (!cname || cname.data.type !== "CNAME") break;
    owner = cname.data.target.toLowerCase();
    chain.push(owner);
  }
  return { chain, owner };
}

export function createDnsClient(options: DnsClientOptions = {}): DnsClient {
  const timeoutMs = options.timeoutMs ?? 5000;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (options.servers) resolver.setServers(options.servers);
  // Pending node:dns queries fail with ECANCELLED when the check's deadline passes.
  options.signal?.addEventListener("abort", () => resolver.cancel(), { once: true });
  const servers: ServerAddress[] = resolver.getServers().map(parseServer);

  // node:dns has no TTL for TXT and no TLSA on Node 20, so those go through a raw query to
  // the same servers; the CNAME chain comes back in the same answer section.
  async function raw<T>(
    name: string,
    type: number,
    pick: (r: WireRecord) => T | undefined,
  ): Promise<Lookup<T>> {
    let lastError = "no DNS server configured";
    for (const server of servers) {
      try {
        const res = await rawQuery(server, name, type, timeoutMs, options.signal);
        if (res.rcode === 3) return { status: "nxdomain", records: [], cnameChain: [] };
        if (res.rcode !== 0) {
          lastError = RCODE_TEXT[res.rcode] ?? `RCODE ${res.rcode}`;
          continue;
        }
        const { chain, owner } = chainOf(name, res.answers);
        const own = res.answers.filter((a) => a.name.toLowerCase() === owner);
        const records = own.map(pick).filter((r): r is T => r !== undefined);
        if (records.length === 0) return { status: "nodata", records, cnameChain: chain };
        const ttl = Math.min(...own.filter((a) => pick(a) !== undefined).map((a) => a.ttl));
        return { status: "ok", records, ttl, cnameChain: chain };
      } catch (e) {
        lastError = e instanceof Error ? e.message : String(e);
        if (options.signal?.aborted) break;
      }
    }
    return { status: "error", records: [], cnameChain: [], error: lastError };
  }

  return {
    async mx(name) {
      try {
        const records = await resolver.resolveMx(name);
        return { status: "ok", records, cnameChain: [] };
      } catch (e) {
        return nodeErrorToLookup(e);
      }
    },
    txt: (name) =>
      raw(name, RR_TYPE.TXT, (r) => (r.data.type === "TXT" ? r.data.strings : undefined)),
    tlsa: (name) =>
      raw(name, RR_TYPE.TLSA, (r) => (r.data.type === "TLSA" ? r.data.tlsa : undefined)),
    async addresses(name) {
      const [v4, v6] = await Promise.all([
        raw(name, RR_TYPE.A, (r) => (r.data.type === "A" ? r.data.address : undefined)),
        raw(name, RR_TYPE.AAAA, (r) => (r.data.type === "AAAA" ? r.data.address : undefined)),
      ]);
      const records = [...v4.records, ...v6.records];
      const cnameChain = v4.cnameChain.length ? v4.cnameChain : v6.cnameChain;
      if (records.length > 0) {
        const ttls = [v4, v6].filter((l) => l.status === "ok").map((l) => l.ttl ?? 0);
        return { status: "ok", records, ttl: Math.min(...ttls), cnameChain };
      }
      if (v4.status === "error" || v6.status === "error") {
        return { status: "error", records, cnameChain, error: v4.error ?? v6.error };
      }
      const status = v4.status === "nxdomain" ? "nxdomain" : "nodata";
      return { status, records, cnameChain };
    },
  };
}
