import type { CheckResult } from "@/lib/checker/types";

// Step 1 shows results in the order a sender meets them: the DNS record, the policy host,
// the policy file, the MX records, then each MX host, then TLS-RPT and mail authentication.

export interface ResultGroup {
  key: string;
  title: string;
  results: CheckResult[];
}

export function groupResults(domain: string, results: readonly CheckResult[]): ResultGroup[] {
  const policyHost = `mta-sts.${domain}`;
  const fixed: ResultGroup[] = [
    { key: "txt", title: "DNS record _mta-sts", results: [] },
    { key: "host", title: `Policy host ${policyHost}`, results: [] },
    { key: "policy", title: "Policy content", results: [] },
    { key: "mx", title: "MX records and policy coverage", results: [] },
  ];
  const hosts = new Map<string, ResultGroup>();
  const tail: ResultGroup[] = [
    { key: "rpt", title: "TLS-RPT record _smtp._tls", results: [] },
    { key: "auth", title: "SPF, DMARC and DKIM", results: [] },
    { key: "other", title: "Other", results: [] },
  ];
  const [txt, host, policy, mx] = fixed as [ResultGroup, ResultGroup, ResultGroup, ResultGroup];
  const [rpt, auth, other] = tail as [ResultGroup, ResultGroup, ResultGroup];
  const mxHost = (name: string) => {
    let g = hosts.get(name);
    if (!g) {
      g = { key: `mx:${name}`, title: `MX host ${name}`, results: [] };
      hosts.set(name, g);
    }
    return g;
  };
  for (const r of results) {
    const [, family = ""] = r.id.split("-");
    if (family === "TXT") txt.results.push(r);
    else if (family === "HOST") host.results.push(r);
    else if (family === "POL") policy.results.push(r);
    else if (family === "RPT") rpt.results.push(r);
    else if (family === "AUTH") auth.results.push(r);
    else if (family === "DNS") mx.results.push(r);
    else if ((family === "MX" || family === "NET") && r.target === policyHost) host.results.push(r);
    else if ((family === "MX" || family === "NET") && r.target) mxHost(r.target).results.push(r);
    else if (family === "MX") mx.results.push(r);
    else other.results.push(r);
  }
  const byName = [...hosts.values()].sort((a, b) => a.title.localeCompare(b.title));
  return [...fixed, ...byName, ...tail].filter((g) => g.results.length > 0);
}
