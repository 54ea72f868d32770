// The two TXT records a domain publishes (STS-TXT, RPT-TXT) and where TLS reports go, from
// this installation's configuration.

import type { MessageRef } from "../i18n/message-ref";

export interface RuaConfig {
  /** URIs for rua=, in order: the https endpoint first, then the mailbox. */
  uris: string[];
  /** Configuration problems a person can fix (e.g. an http:// public URL). */
  problems: string[];
  /** The same problems, in the same order, as "settings.reportAddress" messages (issue 16 §6). */
  problemRefs: MessageRef[];
}

/**
 * STS_PUBLIC_URL: this installation's public base URL (https) → its report endpoint;
 * STS_RUA_MAILTO: a mailbox the app reads. RPT-TXT-3: only https: and mailto: exist.
 */
export function ruaFromEnv(env: {
  STS_PUBLIC_URL?: string | undefined;
  STS_RUA_MAILTO?: string | undefined;
}): RuaConfig {
  const uris: string[] = [];
  const problems: string[] = [];
  const problemRefs: MessageRef[] = [];
  const problem = (text: string, key: string, params: Record<string, string>) => {
    problems.push(text);
    problemRefs.push({ key, params });
  };
  const base = env.STS_PUBLIC_URL?.trim();
  if (base) {
    let url: URL | null = null;
    try {
      url = new URL(base);
    } catch {
      problem(`STS_PUBLIC_URL "${base}" is not a URL.`, "publicUrlNotUrl", { base });
    }
    if (url && url.protocol !== "https:") {
      problem(
        `STS_PUBLIC_URL is ${url.protocol}//…: reporters only post to https: (RPT-TXT-3), so it is not listed.`,
        "publicUrlNotHttps",
        { protocol: url.protocol },
      );
    } else if (url) {
      uris.push(`${url.origin}${url.pathname.replace(/\/+$/, "")}/api/reports/tlsrpt`);
    }
  }
  const mailbox = env.STS_RUA_MAILTO?.trim().replace(/^mailto:/i, "");
  if (mailbox) {
    if (/^[^@\s,;!]+@[^@\s,;!]+\.[^@\s,;!]+$/.test(mailbox)) uris.push(`mailto:${mailbox}`);
    else
      problem(`STS_RUA_MAILTO "${mailbox}" is not an email address.`, "ruaMailtoInvalid", {
        mailbox,
      });
  }
  return { uris, problems, problemRefs };
}

export const stsRecordName = (domain: string): string => `_mta-sts.${domain}`;
export const tlsRptRecordName = (domain: string): string => `_smtp._tls.${domain}`;
export const stsRecordValue = (policyId: string): string => `v=STSv1; id=${policyId}`;
export const tlsRptRecordValue = (uris: readonly string[]): string =>
  `v=TLSRPTv1; rua=${uris.join(",")}`;

/** A BIND zone-file fragment; TTLs: short for the id (it changes), an hour+ for TLS-RPT. */
export function bindSnippet(domain: string, policyId: string, ruaUris: readonly string[]): string {
  const lines = [
    `; MTA-STS and TLS-RPT for ${domain}`,
    `${stsRecordName(domain)}.  300  IN TXT "${stsRecordValue(policyId)}"`,
  ];
  if (ruaUris.length > 0) {
    // RPT-TXT-9: a long TTL makes blocking the lookup harder.
    lines.push(`${tlsRptRecordName(domain)}.  3600  IN TXT "${tlsRptRecordValue(ruaUris)}"`);
  }
  return lines.join("\n") + "\n";
}
