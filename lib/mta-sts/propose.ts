// Proposing a policy from the live MX hosts (issue 3, item 4): `mx` patterns (STS-POL-9,
// STS-MX-*) and `max_age` by mode (STS-OPS-8, STS-OPS-10).

import { parse } from "tldts";
import { mxPatternProblem, normalizeHost } from "./mx-pattern";
import { MAX_AGE_LIMIT, type StsMode } from "./policy-types";
import type { MessageRef } from "../i18n/message-ref";

export type ProviderId =
  "google" | "microsoft" | "fastmail" | "proton" | "zoho" | "icloud" | "mimecast";

export interface ProviderMatch {
  id: ProviderId;
  name: string;
  hosts: string[]; // the normalized MX hosts recognised as this provider's
}

export interface MxProposal {
  patterns: string[];
  provider: ProviderMatch | null; // the one running the most MX hosts; null when none
  notes: string[];
  /** Issue 16 §6: each note, index for index, as a message of the "diagnostics" namespace
   * (`mxAdvice.*`), for the Policy step to show in the user's language. */
  noteRefs: MessageRef[];
}

/** A note with its ref; `notes` stays the English alone (tests, logs). */
interface MxNote {
  text: string;
  ref: MessageRef;
}

const NAMES: Record<ProviderId, string> = {
  google: "Google Workspace",
  microsoft: "Microsoft 365",
  fastmail: "Fastmail",
  proton: "Proton Mail",
  zoho: "Zoho Mail",
  icloud: "iCloud Mail",
  mimecast: "Mimecast",
};

/** The Microsoft DNSSEC pattern, a parameter: "<x>" would read as a tag in a message. */
const MS_DNSSEC_PATTERN = "*.<x>-v1.mx.microsoft";

const NOTES: Record<ProviderId, string> = {
  google:
    "Google Workspace: its MX hosts are listed exactly; Google's set is fixed. If you move to Google's single MX smtp.google.com, add it to the policy before changing the MX records (STS-OPS-7).",
  microsoft: `Microsoft 365: *.mail.protection.outlook.com and ${MS_DNSSEC_PATTERN} (the DNSSEC MX) are Microsoft's documented patterns. If you turn on inbound DNSSEC, add the new pattern before the MX records change (STS-OPS-7).`,
  fastmail:
    "Fastmail: *.messagingengine.com covers in1-smtp and in2-smtp and any inbound host Fastmail adds there.",
  proton:
    "Proton Mail: mail.protonmail.ch and mailsec.protonmail.ch are listed exactly, as in the policy Proton publishes for its own domain.",
  zoho: "Zoho Mail: the regional MX hosts (mx, mx2, mx3) are listed exactly.",
  icloud: "iCloud Mail: *.mail.icloud.com covers Apple's mx01/mx02 hosts.",
  mimecast: "Mimecast: the pattern covers all of Mimecast's inbound hosts in that region.",
};

/**
 * [provider, host shape, wildcard?]. Hosts arrive normalized (STS-MX-2). The first capture
 * is the exact host to list, or the parent of the `*.` pattern.
 * - Google: exact, not `*.aspmx.l.google.com`. The set is small and fixed, and that wildcard
 *   would not even cover aspmx.l.google.com itself (STS-MX-4). Real Google Workspace
 *   policies list the hosts one by one (samples/policies/real-*).
 * - Microsoft's DNSSEC form is `<tenant>.<x>-v1.mx.microsoft`; the letter differs between
 *   tenants, so the pattern keeps it (`*.b-v1.mx.microsoft`).
 * - Proton and Zoho: exact, as their own policies do; a wildcard would sit directly under
 *   their registrable domain and admit every web host there (STS-POL-9).
 */
const SHAPES: readonly (readonly [ProviderId, RegExp, boolean])[] = [
  ["google", /^((?:alt[1-4]\.)?aspmx\.l\.google\.com|smtp\.google\.com)$/, false],
  ["microsoft", /^[a-z0-9-]+\.(mail\.protection\.outlook\.com)$/, true],
  ["microsoft", /^[a-z0-9-]+\.([a-z0-9]+-v1\.mx\.microsoft)$/, true],
  ["fastmail", /^[a-z0-9-]+\.(messagingengine\.com)$/, true],
  ["proton", /^((?:mail|mailsec)\.protonmail\.ch)$/, false],
  ["zoho", /^(mx\d*\.(?:zoho\.(?:com|eu|in|jp|sa|uk|com\.au|com\.cn)|zohocloud\.ca))$/, false],
  ["icloud", /^mx\d+\.(mail\.icloud\.com)$/, true],
  ["mimecast", /^[a-z0-9-]+\.(mimecast\.com|mimecast\.co\.za|mimecast-offshore\.com)$/, true],
];

const providerNote = (id: ProviderId): MxNote => ({
  text: NOTES[id],
  ref:
    id === "microsoft"
      ? { key: "mxAdvice.provider.microsoft", params: { dnssec: MS_DNSSEC_PATTERN } }
      : { key: `mxAdvice.provider.${id}` },
});

export const NO_MX_NOTE = "No MX records were found: add MX records before publishing a policy.";
/** The key of NO_MX_NOTE (lib/rollout/live-mx-notes.ts replaces it beside a saved policy). */
export const NO_MX_KEY = "mxAdvice.noMx";

const NULL_MX_NOTE: MxNote = {
  text: "This domain publishes a null MX (RFC 7505): it receives no mail, so mode none is the only sensible policy (STS-POL-5 lets it omit mx).",
  ref: { key: "mxAdvice.nullMx" },
};

/** Why `*.parent` must not be proposed, or null when it may be. */
function wildcardRefusal(parent: string): MxNote | null {
  const info = parse(parent, { allowPrivateDomains: true });
  if (info.domain === null || info.publicSuffix === parent)
    return {
      text: `${parent} is a public suffix: *.${parent} would admit hosts run by anyone (STS-POL-9).`,
      ref: { key: "mxAdvice.publicSuffix", params: { parent } },
    };
  // Directly under the public suffix means the organisation's whole zone (RFC 8461 §10.4).
  if (parent === info.domain)
    return {
      text: `hosts under ${parent} are listed exactly: *.${parent} would admit every host in that domain with a valid certificate (STS-POL-9).`,
      ref: { key: "mxAdvice.ownDomain", params: { parent } },
    };
  return null;
}

const proposal = (
  patterns: string[],
  provider: ProviderMatch | null,
  notes: readonly MxNote[],
): MxProposal => ({
  patterns,
  provider,
  notes: notes.map((n) => n.text),
  noteRefs: notes.map((n) => n.ref),
});

/** Propose `mx` patterns that cover exactly the given MX hosts (STS-POL-9, STS-MX-1..4). */
export function proposeMxPatterns(mxHosts: readonly string[]): MxProposal {
  const notes: MxNote[] = [];
  const isNullMx = (raw: string): boolean => raw.trim() === "." || raw.trim() === "";
  const nullOnly = mxHosts.length > 0 && mxHosts.every(isNullMx);
  if (nullOnly) return proposal([], null, [NULL_MX_NOTE]);
  if (mxHosts.length === 0) {
    notes.push({ text: NO_MX_NOTE, ref: { key: NO_MX_KEY } });
  } else if (mxHosts.some(isNullMx)) {
    notes.push({
      text: "A null MX (.) sits beside real MX hosts, which RFC 7505 forbids; it was left out.",
      ref: { key: "mxAdvice.nullBeside" },
    });
  }
  const hosts: string[] = [];
  for (const raw of mxHosts.filter((h) => !isNullMx(h))) {
    const host = normalizeHost(raw.trim());
    if (host === null || mxPatternProblem(host) !== null) {
      notes.push({
        text: `"${raw}" is not a host name a policy can list; it was left out (STS-MX-1).`,
        ref: { key: "mxAdvice.notHost", params: { host: raw } },
      });
    } else if (!hosts.includes(host)) hosts.push(host);
  }

  const byHost = new Map<string, string>();
  const matches: ProviderMatch[] = [];
  for (const host of hosts) {
    for (const [id, re, wildcard] of SHAPES) {
      const found = re.exec(host);
      if (found === null) continue;
      byHost.set(host, wildcard ? `*.${found[1] ?? ""}` : host);
      const match = matches.find((m) => m.id === id);
      if (match) match.hosts.push(host);
      else matches.push({ id, name: NAMES[id], hosts: [host] });
      if (!notes.some((n) => n.text === NOTES[id])) notes.push(providerNote(id));
      break;
    }
  }

  // The rest: exact hosts, or `*.parent` for >= 2 direct children of one allowed parent.
  const groups = new Map<string, string[]>();
  for (const host of hosts.filter((h) => !byHost.has(h) && h.includes("."))) {
    const parent = host.slice(host.indexOf(".") + 1);
    groups.set(parent, [...(groups.get(parent) ?? []), host]);
  }
  for (const [parent, children] of groups) {
    const refusal = children.length >= 2 ? wildcardRefusal(parent) : "";
    for (const child of children) byHost.set(child, refusal === null ? `*.${parent}` : child);
    if (refusal === null) {
      notes.push({
        text: `*.${parent} covers ${children.join(", ")}, and also any other host directly under ${parent} with a valid certificate (RFC 8461 §10.4).`,
        ref: { key: "mxAdvice.wildcard", params: { parent, hosts: children.join(", ") } },
      });
    } else if (refusal !== "") notes.push(refusal);
  }

  const patterns = [...new Set(hosts.map((host) => byHost.get(host) ?? host))];
  // A stable sort keeps the first-seen provider on a tie.
  const provider = [...matches].sort((a, b) => b.hosts.length - a.hosts.length)[0] ?? null;
  return proposal(patterns, provider, notes);
}

export interface MaxAgeProposal {
  maxAge: number;
  reason: string;
  /** The same sentence as a message of the "diagnostics" namespace (issue 16 §6). */
  ref: MessageRef;
  /** The next step of the enforce ramp, once the current value has been live long enough. */
  next?: { maxAge: number; after: Date };
}

export interface CurrentPolicy {
  mode: StsMode;
  maxAge: number;
  since: Date; // when this mode and max_age went live
}

const DAY = 86400;
/**
 * STS-OPS-8 step 6: raise max_age in stages. We start enforce at 1 day, below STS-OPS-10's
 * 604800, so a mistaken switch to enforce leaves senders' caches within a day; the last
 * step is the RFC cap (STS-POL-8), the long-term value vendors recommend.
 */
export const ENFORCE_RAMP: readonly number[] = [DAY, 7 * DAY, 14 * DAY, MAX_AGE_LIMIT];

/** Stay on a step for a clean week, and at least one full max_age so every sender refreshed. */
const dwellSeconds = (maxAge: number): number => Math.max(7 * DAY, maxAge);

const REASONS = {
  testing:
    "Testing: one day, so a mistake in the policy leaves senders' caches quickly while the reports come in (STS-OPS-8, STS-OPS-10).",
  none: "Removal (mode none): one day, so the opt-out settles quickly; still wait until every earlier policy has expired before deleting anything (STS-OPS-9, STS-OPS-10).",
  cap: "Enforce has been stable through the ramp: use the RFC maximum of one year, which best resists downgrade attacks during refresh (STS-OPS-10, STS-POL-8).",
} as const;

const reasonOf = (key: keyof typeof REASONS) => ({
  reason: REASONS[key],
  ref: { key: `maxAgeAdvice.${key}` },
});

const stepReason = (maxAge: number, first: boolean): Pick<MaxAgeProposal, "reason" | "ref"> =>
  maxAge >= MAX_AGE_LIMIT
    ? reasonOf("cap")
    : {
        reason: `${first ? "First enforce policy" : "Next enforce step"}: ${maxAge / DAY} day(s). Raise max_age in stages, each only after clean TLS reports, so a mistake stays in senders' caches briefly (STS-OPS-8, STS-OPS-10).`,
        ref: {
          key: first ? "maxAgeAdvice.firstStep" : "maxAgeAdvice.nextStep",
          params: { days: String(maxAge / DAY) },
        },
      };

/** Propose `max_age` for a policy in `mode`, given the policy live now (STS-OPS-8..10). */
export function proposeMaxAge(
  mode: StsMode,
  current: CurrentPolicy | null,
  now: Date,
): MaxAgeProposal {
  if (mode !== "enforce") return { maxAge: DAY, ...reasonOf(mode) };
  const start = current === null || current.mode !== "enforce" || current.maxAge < DAY;
  // The current value may sit between steps (say 30 days): the next step is the first above it.
  const nextStep = start ? DAY : ENFORCE_RAMP.find((step) => step > current.maxAge);
  if (nextStep === undefined) return { maxAge: MAX_AGE_LIMIT, ...reasonOf("cap") };
  if (!start) {
    const due = addSeconds(current.since, dwellSeconds(current.maxAge));
    if (now.getTime() < due.getTime()) {
      const days = dwellSeconds(current.maxAge) / DAY;
      const reason = `Keep ${current.maxAge} seconds until it has been live for ${days} days with clean TLS reports (STS-OPS-8).`;
      const ref = {
        key: "maxAgeAdvice.keep",
        params: { seconds: String(current.maxAge), days: String(days) },
      };
      return { maxAge: current.maxAge, reason, ref, next: { maxAge: nextStep, after: due } };
    }
  }
  const after = ENFORCE_RAMP.find((step) => step > nextStep);
  const next = after && { maxAge: after, after: addSeconds(now, dwellSeconds(nextStep)) };
  return { maxAge: nextStep, ...stepReason(nextStep, start), ...(next ? { next } : {}) };
}

const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);
