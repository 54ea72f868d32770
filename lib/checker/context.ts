import type { DnsClient, Lookup } from "../dns/resolver";
import { checkAddress } from "./net-guard";
import type { CheckResult } from "./types";

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
  now: () => number;
  /** Fires at the overall deadline or when the caller cancels. */
  signal: AbortSignal;
  /** Runs `fn` once a connection slot is free (maxConcurrent per domain). */
  limit: <T>(fn: () => Promise<T>) => Promise<T>;
  emit: (result: CheckResult) => void;
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

export const chainText = (name: string, chain: readonly string[]): string =>
  chain.length > 0 ? `${name} → ${chain.join(" → ")}` : name;

export interface PickedAddress {
  ip: string | null;
  all: string[];
  /** Addresses refused by the safety guard, with their range ("10.0.0.1 (private)"). */
  refused: string[];
}

/** First address the guard allows (IPv4 first, as most senders try it first). */
export function pickAddress(addresses: readonly string[], allowPrivate: boolean): PickedAddress {
  const refused: string[] = [];
  let ip: string | null = null;
  const ordered = [...addresses].sort((a, b) => Number(a.includes(":")) - Number(b.includes(":")));
  for (const address of ordered) {
    const verdict = checkAddress(address, allowPrivate);
    if (!verdict.allowed) refused.push(`${address} (${verdict.range})`);
    else ip ??= address;
  }
  return { ip, all: [...addresses], refused };
}
