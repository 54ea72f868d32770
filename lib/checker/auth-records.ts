// Minimal parsers for the records an admin sets up next to MTA-STS (CHK-AUTH-1…3).
// They answer "present and parseable", not full SPF evaluation (no DNS-lookup counting).
import ipaddr from "ipaddr.js";

const SPF_MECHANISMS = new Set(["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"]);

/** RFC 7208 §4.6, §5: returns the problems of one "v=spf1 …" record (empty = parseable). */
export function spfProblems(record: string): string[] {
  const problems: string[] = [];
  const terms = record.trim().split(/ +/).slice(1);
  for (const term of terms) {
    const modifier = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/.exec(term);
    if (modifier) {
      if (modifier[2] === "") problems.push(`"${term}" has an empty value`);
      continue;
    }
    const m = /^([+\-~?]?)([A-Za-z]+)(?::([^/]*))?(\/\d+(?:\/\/\d+)?)?$/.exec(term);
    const name = m?.[2]?.toLowerCase() ?? "";
    if (!m || !SPF_MECHANISMS.has(name)) {
      problems.push(`"${term}" is not an SPF mechanism or modifier`);
      continue;
    }
    const arg = m[3];
    if ((name === "ip4" || name === "ip6") && (arg === undefined || !ipOk(name, arg))) {
      problems.push(`"${term}" needs a valid ${name === "ip4" ? "IPv4" : "IPv6"} address`);
    }
    if ((name === "include" || name === "exists") && !arg)
      problems.push(`"${term}" needs a domain`);
  }
  return problems;
}

const ipOk = (kind: string, arg: string): boolean =>
  kind === "ip4" ? ipaddr.IPv4.isValidFourPartDecimal(arg) : ipaddr.IPv6.isValid(arg);

/** Splits "k=v; k2=v2" tag lists (DMARC RFC 7489 §6.4, DKIM RFC 6376 §3.2). */
export function tagList(record: string): { tags: Map<string, string>; problems: string[] } {
  const tags = new Map<string, string>();
  const problems: string[] = [];
  for (const part of record.split(";")) {
    const text = part.trim();
    if (text === "") continue;
    const eq = text.indexOf("=");
    if (eq <= 0) {
      problems.push(`"${text}" is not a tag=value pair`);
      continue;
    }
    const key = text.slice(0, eq).trim();
    if (tags.has(key)) problems.push(`the tag "${key}" appears twice`);
    else tags.set(key, text.slice(eq + 1).trim());
  }
  return { tags, problems };
}

export function dmarcProblems(record: string): { problems: string[]; policy: string | null } {
  const { tags, problems } = tagList(record);
  if (!record.startsWith("v=DMARC1")) problems.push(`the record must start with "v=DMARC1"`);
  const p = tags.get("p") ?? null;
  if (p === null) problems.push(`the required tag "p" is missing (p=none, quarantine or reject)`);
  else if (!["none", "quarantine", "reject"].includes(p))
    problems.push(`p=${p} is not none, quarantine or reject`);
  return { problems, policy: p };
}

export function dkimProblems(record: string): { problems: string[]; revoked: boolean } {
  const { tags, problems } = tagList(record);
  const v = tags.get("v");
  if (v !== undefined && (v !== "DKIM1" || !record.trim().startsWith("v="))) {
    problems.push(`"v=${v}" must be "v=DKIM1" and come first`);
  }
  const k = tags.get("k");
  if (k !== undefined && !["rsa", "ed25519"].includes(k)) problems.push(`unknown key type k=${k}`);
  const p = tags.get("p");
  if (p === undefined) problems.push(`the required tag "p" (the public key) is missing`);
  else if (p !== "" && !/^[A-Za-z0-9+/\s]+=*$/.test(p)) problems.push(`p= is not base64`);
  return { problems, revoked: p === "" };
}
