// startTestWorld: one authoritative DNS server, HTTPS policy hosts and SMTP servers on
// loopback for a set of test domains, all with certificates from one throwaway CA.
// Needs root (binds <127.x.y.z>:25 and :443) unless smtpPort/httpsPort are given; hosts with
// `v6` also need root for their IPv6 addresses (loopback-v6.ts).
import { randomInt } from "node:crypto";
import { startDnsServer, type DnsServerHandle, type ZoneRecord } from "./dns-server";
import { createV6Block, type V6Block } from "./loopback-v6";
import { startPolicyServer, type PolicyBehaviour } from "./policy-server";
import { startSmtpServer, type SmtpBehaviour } from "./smtp-server";
import { certFor, type CertKind } from "./cert-kinds";
import { createTestCa, type CertSpec, type TestCa } from "./test-ca";

export { certFor, type CertKind } from "./cert-kinds";

/** A second (IPv6) address of a host, with its own server (see loopback-v6.ts). */
export interface V6Spec {
  /** Certificate on the IPv6 address; default: the host's own. */
  cert?: CertKind | CertSpec;
  /** SMTP behaviour on the IPv6 address; default: the host's own. */
  smtp?: SmtpBehaviour;
  /** Policy server behaviour on the IPv6 address; default: the host's own. */
  behaviour?: PolicyBehaviour;
  /** Publish an address this machine has no route to (no server; connect: ENETUNREACH). */
  unroutable?: boolean;
}

export interface MxSpec {
  host: string;
  priority?: number;
  /** Default "good". */
  cert?: CertKind | CertSpec;
  /** Default: a well-behaved STARTTLS server. null: no server (port 25 refused). */
  smtp?: SmtpBehaviour | null;
  /** Publish this address instead of a loopback one (no server is started), e.g. "10.0.0.5". */
  address?: string;
  /** Also publish an AAAA address (needs root: adds an address to `lo`). */
  v6?: V6Spec;
}

export interface PolicySpec {
  behaviour: PolicyBehaviour;
  /** Default "good" (a certificate for mta-sts.<domain>). */
  cert?: CertKind | CertSpec;
  /** Publish mta-sts.<domain> as a CNAME to this provider host (which gets the address). */
  cnameTo?: string;
  address?: string;
  /** Also publish an AAAA address (needs root: adds an address to `lo`). */
  v6?: V6Spec;
}

export interface DomainSpec {
  name: string;
  mx?: MxSpec[];
  policy?: PolicySpec;
  /** TXT RRs at _mta-sts.<name>; a string[] element is one RR split into strings. */
  stsTxt?: (string | string[])[];
  stsTxtTtl?: number;
  /** TXT RRs at _smtp._tls.<name>. */
  tlsRpt?: (string | string[])[];
  /** Any other records (SPF, DMARC, DKIM, CNAMEs, null MX, TLSA, …). */
  records?: ZoneRecord[];
}

export interface WorldOptions {
  domains: DomainSpec[];
  smtpPort?: number;
  httpsPort?: number;
  /** First three octets of the loopback block to use, e.g. "127.42.7"; default random.
   * More than 254 hosts continue in the following blocks (127.42.8.1, …). */
  ipBase?: string;
  /** Added latency (ms) before every SMTP banner and policy answer that sets none itself
   * (bench:watch, issue 14). */
  latencyMs?: number;
}

export interface TestWorld {
  /** "127.0.0.1:PORT": pass as the checker's dnsServers. */
  dnsServer: string;
  /** PEM of the test CA: pass as the checker's ca. */
  caPem: string;
  ca: TestCa;
  records: ZoneRecord[];
  /** Loopback address given to a host name. */
  ipOf(host: string): string | undefined;
  /** IPv6 address given to a host name (MxSpec.v6 / PolicySpec.v6). */
  ipv6Of(host: string): string | undefined;
  /**
   * Replace every TXT record at `name` while the world runs (publish, fix or remove a
   * record mid-test); an empty list removes them. A string[] element is one RR's strings.
   */
  setTxt(name: string, rrs: (string | string[])[], ttl?: number): void;
  /** Replace the records of one type at `name` (e.g. publish or withdraw an A record). */
  setRecords(name: string, type: ZoneRecord["type"], rrs: ZoneRecord[]): void;
  stop(): Promise<void>;
}

const txtStrings = (rr: string | string[]) => (typeof rr === "string" ? [rr] : rr);

/**
 * The policy server's view of a domain's behaviour: the caller's object itself, read live
 * (tests edit its body while the world runs), with the world's added latency unless the
 * behaviour sets its own delay. A copy here froze the body at start.
 */
function liveWithDelay(live: PolicyBehaviour, latencyMs: number | undefined): PolicyBehaviour {
  if (latencyMs === undefined) return live;
  return Object.create(live, {
    delayMs: { get: () => live.delayMs ?? latencyMs, enumerable: true },
  }) as PolicyBehaviour;
}

export async function startTestWorld(opts: WorldOptions): Promise<TestWorld> {
  const ca = createTestCa();
  const base = opts.ipBase ?? `127.${randomInt(20, 250)}.${randomInt(0, 255)}`;
  let next = 1;
  const ips = new Map<string, string>();
  const [o1, o2, o3] = base.split(".").map(Number) as [number, number, number];
  const allocate = (host: string) => {
    const n = next++ - 1;
    const third = o3 + Math.floor(n / 254);
    const ip = `${o1}.${o2 + Math.floor(third / 256)}.${third % 256}.${(n % 254) + 1}`;
    ips.set(host.toLowerCase(), ip);
    return ip;
  };
  const records: ZoneRecord[] = [];
  const starting: Promise<{ close(): Promise<void> }>[] = [];
  const ips6 = new Map<string, string>();
  let v6Block: V6Block | null = null;
  /** The AAAA address of `host`, or null when it gets a server-less unroutable one. */
  const allocate6 = (host: string, spec: V6Spec): string | null => {
    v6Block ??= createV6Block();
    const address = spec.unroutable ? v6Block.unroutable() : v6Block.allocate();
    ips6.set(host.toLowerCase(), address);
    records.push({ name: host, type: "AAAA", address });
    return spec.unroutable ? null : address;
  };

  for (const d of opts.domains) {
    for (const [i, mx] of (d.mx ?? []).entries()) {
      records.push({
        name: d.name,
        type: "MX",
        priority: mx.priority ?? (i + 1) * 10,
        exchange: mx.host,
      });
      if (ips.has(mx.host.toLowerCase())) continue;
      const ip = mx.address ?? allocate(mx.host);
      records.push({ name: mx.host, type: ip.includes(":") ? "AAAA" : "A", address: ip });
      if (mx.address === undefined && mx.smtp !== null) {
        starting.push(
          startSmtpServer(
            ip,
            mx.host,
            certFor(ca, mx.host, mx.cert),
            { bannerDelayMs: opts.latencyMs, ...mx.smtp },
            opts.smtpPort,
          ),
        );
      }
      const ip6 = mx.v6 ? allocate6(mx.host, mx.v6) : null;
      if (mx.v6 && ip6) {
        const cert = certFor(ca, mx.host, mx.v6.cert ?? mx.cert);
        const smtp = mx.v6.smtp ?? mx.smtp ?? {};
        starting.push(startSmtpServer(ip6, mx.host, cert, smtp, opts.smtpPort));
      }
    }
    if (d.policy) {
      const host = `mta-sts.${d.name}`;
      const addressHost = d.policy.cnameTo ?? host;
      if (d.policy.cnameTo) records.push({ name: host, type: "CNAME", target: d.policy.cnameTo });
      const ip = d.policy.address ?? allocate(addressHost);
      records.push({ name: addressHost, type: "A", address: ip });
      if (d.policy.address === undefined) {
        starting.push(
          startPolicyServer(
            ip,
            certFor(ca, host, d.policy.cert),
            liveWithDelay(d.policy.behaviour, opts.latencyMs),
            opts.httpsPort,
          ),
        );
      }
      const v6 = d.policy.v6;
      const ip6 = v6 ? allocate6(addressHost, v6) : null;
      if (v6 && ip6) {
        const cert = certFor(ca, host, v6.cert ?? d.policy.cert);
        const behaviour = v6.behaviour ?? d.policy.behaviour;
        starting.push(startPolicyServer(ip6, cert, behaviour, opts.httpsPort));
      }
    }
    for (const rr of d.stsTxt ?? []) {
      records.push({
        name: `_mta-sts.${d.name}`,
        type: "TXT",
        strings: txtStrings(rr),
        ttl: d.stsTxtTtl ?? 300,
      });
    }
    for (const rr of d.tlsRpt ?? []) {
      records.push({
        name: `_smtp._tls.${d.name}`,
        type: "TXT",
        strings: txtStrings(rr),
        ttl: 3600,
      });
    }
    records.push(...(d.records ?? []));
  }

  const settled = await Promise.allSettled([startDnsServer(records), ...starting]);
  const started = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  const block = v6Block as V6Block | null;
  const stop = async () => {
    await Promise.all(started.map((s) => s.close()));
    block?.remove();
  };
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const dns = started[0] as DnsServerHandle;
  const zone = [...records];
  const setRecords = (name: string, type: ZoneRecord["type"], rrs: ZoneRecord[]): void => {
    const owner = name.toLowerCase().replace(/\.$/, "");
    const kept = zone.filter((r) => !(r.type === type && r.name.toLowerCase() === owner));
    zone.splice(0, zone.length, ...kept, ...rrs);
    dns.setRecords([...zone]);
  };
  return {
    dnsServer: dns.address,
    caPem: ca.caPem,
    ca,
    records: zone,
    ipOf: (h) => ips.get(h.toLowerCase()),
    ipv6Of: (h) => ips6.get(h.toLowerCase()),
    setRecords,
    setTxt(name, rrs, ttl = 300) {
      const owner = name.toLowerCase().replace(/\.$/, "");
      setRecords(
        owner,
        "TXT",
        rrs.map((rr) => ({ name: owner, type: "TXT", strings: txtStrings(rr), ttl })),
      );
    },
    stop,
  };
}
