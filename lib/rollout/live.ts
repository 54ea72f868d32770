// Live network settings for the wizard's "Verify" buttons and the MX proposal: the same
// settings the checker uses (checkerOptions, asked on every call so the e2e harness can
// point them at loopback servers it starts after the app).
import { checkerOptions } from "@/lib/config/checker";
import { createDnsClient, type DnsClient } from "@/lib/dns/resolver";
import type { PublishProbe } from "./verify-publish";

export function liveDns(): DnsClient {
  const opts = checkerOptions();
  return opts.dns ?? createDnsClient({ servers: opts.dnsServers, timeoutMs: 5000 });
}

export function livePublishProbe(): PublishProbe {
  const opts = checkerOptions();
  return {
    dns: opts.dns ?? createDnsClient({ servers: opts.dnsServers, timeoutMs: 5000 }),
    ca: opts.ca,
    allowPrivate: opts.allowPrivate ?? false,
    httpsPort: opts.httpsPort ?? 443,
  };
}

/** The live MX hosts of a domain, by priority; null when the lookup failed. */
export async function liveMxHosts(domain: string): Promise<string[] | null> {
  const r = await liveDns().mx(domain);
  if (r.status === "error") return null;
  return [...r.records]
    .sort((a, b) => a.priority - b.priority)
    .map((m) => m.exchange.toLowerCase().replace(/\.$/, ""));
}
