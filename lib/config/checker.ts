import { readFileSync } from "node:fs";
import type { CheckOptions } from "@/lib/checker/types";
import { ruaConfig } from "./report-endpoint";
import { settings, type Settings } from "./settings";

// Network settings for the live checker (settings.ts parses and validates them):
//   STS_DNS_SERVERS=127.0.0.1:5353,…   resolvers to ask instead of the system's
//   STS_CHECK_ALLOW_PRIVATE=1          allow private/loopback targets (labs, tests)
//   STS_EXTRA_CA_FILE=/path/ca.pem      trust this CA in addition to nothing else (labs)
//   STS_CHECK_TEST_RUA=1               POST a zero-session test report to https rua (CHK-RPT-6)
// Tests that start loopback DNS/HTTPS/SMTP servers after the app has started cannot use
// settings read once: the e2e server preloads e2e/checker-override.mjs (Node --import, from
// e2e/start-server.sh), which installs a function under CHECKER_OVERRIDE that is asked on
// every call. Nothing in a production start installs it; no variable turns it on.

type CheckerSettings = Pick<
  Settings,
  "STS_DNS_SERVERS" | "STS_CHECK_ALLOW_PRIVATE" | "STS_CHECK_TEST_RUA" | "STS_EXTRA_CA_FILE"
> &
  Partial<Pick<Settings, "STS_PUBLIC_URL" | "STS_RUA_MAILTO">>;

/** The global a test harness may set: () => partial checker options, or null. */
export const CHECKER_OVERRIDE = Symbol.for("sts-rollout.checker-override");

type Override = () => Partial<CheckOptions> | null;

function testOverride(): Partial<CheckOptions> | null {
  const hook: unknown = Reflect.get(globalThis, CHECKER_OVERRIDE);
  return typeof hook === "function" ? (hook as Override)() : null;
}

export function checkerOptions(s: CheckerSettings = settings()): CheckOptions {
  const opts: CheckOptions = {};
  if (s.STS_DNS_SERVERS) opts.dnsServers = s.STS_DNS_SERVERS;
  if (s.STS_CHECK_ALLOW_PRIVATE) opts.allowPrivate = true;
  if (s.STS_CHECK_TEST_RUA) opts.testHttpsRua = true;
  // CHK-RPT-8: this installation's report addresses (STS_PUBLIC_URL, STS_RUA_MAILTO).
  const own = ruaConfig(s).uris;
  if (own.length > 0) opts.ownRua = own;
  if (s.STS_EXTRA_CA_FILE) opts.ca = [readFileSync(s.STS_EXTRA_CA_FILE, "utf8")];
  return { ...opts, ...testOverride() };
}
