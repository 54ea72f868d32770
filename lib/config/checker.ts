import { readFileSync } from "node:fs";
import type { CheckOptions } from "@/lib/checker/types";
import { ruaFromEnv } from "@/lib/rollout/records";

// Network settings for the live checker, from the environment (operators) or from a JSON
// file named by STS_CHECKER_CONFIG (tests that start loopback DNS/HTTPS/SMTP servers write
// it after the app has started; it is read again for every check).
//   STS_DNS_SERVERS=127.0.0.1:5353,…   resolvers to ask instead of the system's
//   STS_CHECK_ALLOW_PRIVATE=1          allow private/loopback targets (labs, tests)
//   STS_EXTRA_CA_FILE=/path/ca.pem      trust this CA in addition to nothing else (labs)
//   STS_CHECK_TEST_RUA=1               POST a zero-session test report to https rua (CHK-RPT-6)

interface FileConfig {
  dnsServers?: string[];
  caPem?: string;
  allowPrivate?: boolean;
  smtpPort?: number;
  httpsPort?: number;
  deadlineMs?: number;
}

export function checkerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): CheckOptions {
  const opts: CheckOptions = {};
  if (env.STS_DNS_SERVERS) opts.dnsServers = env.STS_DNS_SERVERS.split(",").map((s) => s.trim());
  if (env.STS_CHECK_ALLOW_PRIVATE === "1") opts.allowPrivate = true;
  if (env.STS_CHECK_TEST_RUA === "1") opts.testHttpsRua = true;
  // CHK-RPT-8: this installation's report addresses (STS_PUBLIC_URL, STS_RUA_MAILTO).
  const own = ruaFromEnv(env).uris;
  if (own.length > 0) opts.ownRua = own;
  if (env.STS_EXTRA_CA_FILE) opts.ca = [readFileSync(env.STS_EXTRA_CA_FILE, "utf8")];
  const file = env.STS_CHECKER_CONFIG ? readJson(env.STS_CHECKER_CONFIG) : null;
  if (file) {
    if (file.dnsServers) opts.dnsServers = file.dnsServers;
    if (file.caPem) opts.ca = [file.caPem];
    if (file.allowPrivate) opts.allowPrivate = true;
    if (file.smtpPort) opts.smtpPort = file.smtpPort;
    if (file.httpsPort) opts.httpsPort = file.httpsPort;
    if (file.deadlineMs) opts.deadlineMs = file.deadlineMs;
  }
  return opts;
}

function readJson(file: string): FileConfig | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as FileConfig;
  } catch {
    return null;
  }
}
