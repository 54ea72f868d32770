import type { MessageRef } from "@/lib/i18n/message-ref";
import { ruaFromEnv, type RuaConfig } from "@/lib/rollout/records";
import { settings, type Settings } from "./settings";

// RPT-TXT-3: the report endpoint shown to admins is always an https: URL built from
// STS_PUBLIC_URL; never NEXTAUTH_URL or http://localhost, which no reporter can post to.

/** `refs`: the problem's sentences, in order, as "settings.reportAddress" messages (issue 16 §6). */
export type ReportEndpoint =
  { url: string; problem: null } | { url: null; problem: string; refs: MessageRef[] };

// The public addresses, from the settings (or any environment-shaped object, in tests).
type PublicAddresses = Partial<
  Pick<Settings, "STS_PUBLIC_URL" | "STS_RUA_MAILTO" | "NEXTAUTH_URL">
>;

/** Where this installation's TLS reports go (rua=), from STS_PUBLIC_URL and STS_RUA_MAILTO. */
export function ruaConfig(env: PublicAddresses = settings()): RuaConfig {
  return ruaFromEnv(env);
}

const SET_PUBLIC_URL =
  "Set STS_PUBLIC_URL to the https: address reporters reach this app at (e.g. https://sts.example.com; reports are posted to its /api/reports/tlsrpt)";

/** Said on every page that needs a report address while none is usable (issue 16). */
export const NO_REPORT_DESTINATION = `No report destination is configured. ${SET_PUBLIC_URL}, or STS_RUA_MAILTO to a mailbox this app reads (e.g. tlsrpt@example.com), then restart.`;

export interface ReportDestination {
  /** The rua= URIs for the _smtp._tls record, https: first. */
  uris: string[];
  /** Sentences about the settings behind them, the same on Settings and on the DNS step:
   * each setting's problem, then NO_REPORT_DESTINATION when no address is usable. */
  notices: string[];
  /** The same notices, in the same order, as "settings.reportAddress" messages. */
  noticeRefs: MessageRef[];
}

/** The one source of the report address (issue 16): Settings and the DNS step both show it. */
export function reportDestination(env: PublicAddresses = settings()): ReportDestination {
  const rua = ruaFromEnv(env);
  const none = rua.uris.length === 0;
  return {
    uris: rua.uris,
    notices: none ? [...rua.problems, NO_REPORT_DESTINATION] : rua.problems,
    noticeRefs: none ? [...rua.problemRefs, { key: "noDestination" }] : rua.problemRefs,
  };
}

export function reportEndpoint(env: PublicAddresses = settings()): ReportEndpoint {
  const { uris, notices, noticeRefs } = reportDestination(env);
  const url = uris.find((u) => u.startsWith("https:"));
  if (url) return { url, problem: null };
  if (uris.length === 0) return { url: null, problem: notices.join(" "), refs: noticeRefs };
  const at = notices.findIndex((p) => p.startsWith("STS_PUBLIC_URL"));
  const why = notices[at];
  const whyRef = noticeRefs[at];
  const mailOnly: MessageRef = { key: "mailOnly", params: { uris: uris.join(", ") } };
  return {
    url: null,
    problem: `${why ? `${why} ` : ""}Reports arrive by mail only (${uris.join(", ")}). ${SET_PUBLIC_URL} to receive them over HTTPS too.`,
    refs: whyRef ? [whyRef, mailOnly] : [mailOnly],
  };
}
