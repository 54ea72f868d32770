import type { DnsClient, Lookup } from "../dns/resolver";
import { checkAddress } from "./net-guard";
import type { ResultText } from "./result";
import { ct } from "./text";
import type { CheckResult, SeenCert } from "./types";

/** Everything a probe needs; built once per run by run-check.ts. */
export interface ProbeContext {
  domain: string;
  dns: DnsClient;
  allowPrivate: boolean;
  ca: string[] | undefined;
  stepTimeoutMs: number;
  policyTimeoutMs: number;
  policySlowMs: number;
  smtpPort: number;
  httpsPort: number;
  ehloName: string;
  dkimSelectors: string[];
  testHttpsRua: boolean;
  /** CHK-RPT-8: this installation's rua URIs (empty: not known, no check). */
  ownRua: string[];
  now: () => number;
  /** Fires at the overall deadline or when the caller cancels. */
  signal: AbortSignal;
  /** Runs `fn` once a connection slot is free (maxConcurrent per domain). */
  limit: <T>(fn: () => Promise<T>) => Promise<T>;
  emit: (result: CheckResult) => void;
  /** Records a certificate the probe saw (CheckFacts.certs). */
  noteCert: (cert: SeenCert) => void;
}

export function lookupProblem(lookup: Lookup<unknown>): string {
  switch (lookup.status) {
    case "nxdomain":
      return "the name does not exist (NXDOMAIN)";
    case "nodata":
      return "the name exists but has no records of this type";
    case "error":
      return `the DNS lookup failed (${lookup.error ?? "unknown error"})`;
    default:
      return "";
  }
}

/** "{name}: <what went wrong with the lookup>", translatable; raw "{name}: " when nothing did. */
export function lookupEvidence(name: string, lookup: Lookup<unknown>): ResultText {
  switch (lookup.status) {
    case "nxdomain":
      return ct("lookup.nxdomain", { name });
    case "nodata":
      return ct("lookup.nodata", { name });
    case "error":
      return lookup.error
        ? ct("lookup.failed", { name, error: lookup.error })
        : ct("lookup.failedUnknown", { name });
    default:
      return `${name}: `;
  }
}

export const chainText = (name: string, chain: readonly string[]): string =>
  chain.length > 0 ? `${name} → ${chain.join(" → ")}` : name;

/** Probing stops after this many addresses of one host; the rest are listed as untested. */
export const MAX_ADDRESSES_PER_HOST = 8;

export interface SplitAddresses {
  /** Addresses the guard allows, IPv4 first (as most senders try them), then IPv6. */
  allowed: string[];
  /** Addresses refused by the safety guard, with their range ("10.0.0.1 (private)"). */
  refused: string[];
  /** The refused addresses alone. */
  refusedIps: string[];
}

/** Splits a host's A/AAAA records into the ones the checker may contact and the rest. */
export function splitAddresses(
  addresses: readonly string[],
  allowPrivate: boolean,
): SplitAddresses {
  const out: SplitAddresses = { allowed: [], refused: [], refusedIps: [] };
  const ordered = [...new Set(addresses)].sort(
    (a, b) => Number(a.includes(":")) - Number(b.includes(":")),
  );
  for (const address of ordered) {
    const verdict = checkAddress(address, allowPrivate);
    if (verdict.allowed) out.allowed.push(address);
    else {
      out.refused.push(`${address} (${verdict.range})`);
      out.refusedIps.push(address);
    }
  }
  return out;
}

/** "192.0.2.1:25", "[2001:db8::1]:25" */
export const hostPort = (ip: string, port: number): string =>
  ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;

/** Tags results with the address they are about. */
export const atAddress = (results: readonly CheckResult[], address: string): CheckResult[] =>
  results.map((r) => ({ ...r, address }));

export interface PickedAddress {
  ip: string | null;
  all: string[];
  /** Addresses refused by the safety guard, with their range ("10.0.0.1 (private)"). */
  refused: string[];
}

/** First address the guard allows (IPv4 first), for probes that need only one. */
export function pickAddress(addresses: readonly string[], allowPrivate: boolean): PickedAddress {
  const split = splitAddresses(addresses, allowPrivate);
  return { ip: split.allowed[0] ?? null, all: [...addresses], refused: split.refused };
}
