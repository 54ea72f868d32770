// RPT-DELIV-2: `<sender>!<policy-domain>!<begin-unix>!<end-unix>[!<unique-id>].json[.gz]`.
// Read leniently (RPT-QUIRK-11): the JSON is authoritative; the name only fills gaps.

export interface ReportFilename {
  sender: string;
  policyDomain: string;
  begin: number;
  end: number;
  uniqueId: string | null;
}

export function parseReportFilename(name: string): ReportFilename | null {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.(json\.gz|json|gz)$/i, "");
  const parts = base.split("!");
  if (parts.length < 4 || parts.length > 5) return null;
  const [sender, policyDomain, begin, end, uniqueId] = parts as [
    string,
    string,
    string,
    string,
    string?,
  ];
  if (!/^\d{1,12}$/.test(begin) || !/^\d{1,12}$/.test(end)) return null;
  if (sender === "" || policyDomain === "") return null;
  return {
    sender: sender.toLowerCase(),
    policyDomain: policyDomain.toLowerCase(),
    begin: Number(begin),
    end: Number(end),
    uniqueId: uniqueId ?? null,
  };
}
