// startTestWorld: one authoritative DNS server, HTTPS policy hosts and SMTP servers on
// loopback for a set of test domains, all with certificates from one throwaway CA.
// Needs root (binds <127.x.y.z>:25 and :443) unless smtpPort/httpsPort are given.
import { randomInt } from "node:crypto";
import { startDnsServer, type DnsServerHandle, type ZoneRecord } from "./dns-server";
import { startPolicyServer, type PolicyBehaviour } from "./policy-server";
import { startSmtpServer, type SmtpBehaviour } from "./smtp-server";
import { createTestCa, type CertSpec, type TestCa } from "./test-ca";

export type CertKind =
  | "good"
  | "expired"
  | "expiring-soon"
  | "wrong-name"
  | "cn-only"
  | "self-signed"
  | "partial-wildcard";

export interface MxSpec {
  host: string;
  priority?: number;
  /** Default "good". */
  cert?: CertKind | CertSpec;
  /** Default: a well-behaved STARTTLS server. null: no server (port 25 refused). */
  smtp?: SmtpBehaviour | null;
  /** Publish this address instead of a loopback one (no server is started), e.g. "10.0.0.5". */
  address?: string;
}

export interface PolicySpec {
  behaviour: PolicyBehaviour;
  /** Default "good" (a certificate for mta-sts.<domain>). */
  cert?: CertKind | CertSpec;
  /** Publish mta-sts.<domain> as a CNAME to this provider host (which gets the address). */
  cnameTo?: string;
  address?: string;
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
  /** First three octets of the loopback block to use, e.g. "127.42.7"; default random. */
  ipBase?: string;
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
  /**
   * Replace every TXT record at `name` while the world runs (publish, fix or remove a
   * record mid-test); an empty list removes them. A string[] element is one RR's strings.
   */
  setTxt(name: string, rrs: (string | string[])[], ttl?: number): void;
  /** Replace the records of one type at `name` (e.g. publish or withdraw an A record). */
  setRecords(name: string, type: ZoneRecord["type"], rrs: ZoneRecord[]): void;
  stop(): Promise<void>;
}

export function certFor(ca: TestCa, host: string, kind: CertKind | CertSpec = "good") {
  if (typeof kind !== "string") return ca.issue(kind);
  const [first = "", ...rest] = host.split(".");
  const specs: Record<CertKind, CertSpec> = {
    good: { sans: [host] },
    expired: { sans: [host], daysValid: -10 },
    "expiring-soon": { sans: [host], daysValid: 5 },
    "wrong-name": { sans: [`wrong.${rest.join(".") || "test"}`] },
    "cn-only": { cn: host, sans: [] },
    "self-signed": { sans: [host], selfSigned: true },
    "partial-wildcard": { sans: [`${first.slice(0, 2)}*.${rest.join(".")}`] },
  };
  return ca.issue(specs[kind]);
}

const txtStrings = (rr: string | string[]) => (typeof rr === "string" ? [rr] : rr);

export async function startTestWorld(opts: WorldOptions): Promise<TestWorld> {
  const ca = createTestCa();
  const base = opts.ipBase ?? `127.${randomInt(20, 250)}.${randomInt(0, 255)}`;
  let next = 1;
  const ips = new Map<string, string>();
  const allocate = (host: string) => {
    const ip = `${base}.${next++}`;
    ips.set(host.toLowerCase(), ip);
    return ip;
  };
  const records: ZoneRecord[] = [];
  const starting: Promise<{ close(): Promise<void> }>[] = [];

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
          startSmtpServer(ip, mx.host, certFor(ca, mx.host, mx.cert), mx.smtp ?? {}, opts.smtpPort),
        );
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
            d.policy.behaviour,
            opts.httpsPort,
          ),
        );
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
  const stop = async () => {
    await Promise.all(started.map((s) => s.close()));
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
