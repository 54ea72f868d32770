import { ruaFromEnv, type RuaConfig } from "@/lib/rollout/records";
import { settings, type Settings } from "./settings";

// RPT-TXT-3: the report endpoint shown to admins is always an https: URL built from
// STS_PUBLIC_URL; never NEXTAUTH_URL or http://localhost, which no reporter can post to.

export type ReportEndpoint = { url: string; problem: null } | { url: null; problem: string };

// The public addresses, from the settings (or any environment-shaped object, in tests).
type PublicAddresses = Partial<
  Pick<Settings, "STS_PUBLIC_URL" | "STS_RUA_MAILTO" | "NEXTAUTH_URL">
>;

/** Where this installation's TLS reports go (rua=), from STS_PUBLIC_URL and STS_RUA_MAILTO. */
export function ruaConfig(env: PublicAddresses = settings()): RuaConfig {
  return ruaFromEnv(env);
}

export function reportEndpoint(env: PublicAddresses = settings()): ReportEndpoint {
  const rua = ruaFromEnv(env);
  const url = rua.uris.find((u) => u.startsWith("https:"));
  if (url) return { url, problem: null };
  const why = rua.problems.find((p) => p.startsWith("STS_PUBLIC_URL"));
  return {
    url: null,
    problem: `${why ? `${why} ` : ""}Set STS_PUBLIC_URL to the https: address reporters reach this app at (e.g. https://sts.example.com) to see the report endpoint.`,
  };
}
