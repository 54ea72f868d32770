// Preloaded into the e2e server only (e2e/start-server.sh: NODE_OPTIONS=--import …). The
// specs start loopback DNS/HTTPS/SMTP servers after the app and write their addresses to
// E2E_CHECKER_FILE; the checker asks this hook on every run (lib/config/checker.ts), so the
// production configuration carries no test-only setting.
import { readFileSync } from "node:fs";

const file = process.env.E2E_CHECKER_FILE;

globalThis[Symbol.for("sts-rollout.checker-override")] = () => {
  if (!file) return null;
  let c;
  try {
    c = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null; // not written yet: no test world is running
  }
  const opts = {};
  if (c.dnsServers) opts.dnsServers = c.dnsServers;
  if (c.caPem) opts.ca = [c.caPem];
  if (c.allowPrivate) opts.allowPrivate = true;
  if (c.smtpPort) opts.smtpPort = c.smtpPort;
  if (c.httpsPort) opts.httpsPort = c.httpsPort;
  if (c.deadlineMs) opts.deadlineMs = c.deadlineMs;
  return opts;
};
