// CLI for the configuration checker: npm run check -- <domain> [--json] [--dns 127.0.0.1:5353]
//   [--allow-private] [--ca file.pem] [--dkim-selector s1,s2] [--deadline ms] [--test-rua]
// Without flags, the network settings come from the environment as for the app
// (STS_DNS_SERVERS, STS_CHECK_ALLOW_PRIVATE, STS_EXTRA_CA_FILE, STS_CHECK_TEST_RUA).
// Exit code: 0 no errors, 1 at least one error, 2 bad usage.
import { readFileSync } from "node:fs";
import { checkDomain, formatReportText, type CheckOptions } from "../lib/checker/index";
import { checkerOptions } from "../lib/config/checker";

const USAGE =
  "usage: npm run check -- <domain> [--json] [--dns host:port[,host:port]] [--allow-private] [--ca file.pem] [--dkim-selector s1,s2] [--deadline ms] [--test-rua]";

function parseArgs(
  argv: string[],
): { domain: string; json: boolean; options: CheckOptions } | null {
  const options: CheckOptions = {};
  let domain: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = () => argv[++i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--allow-private") options.allowPrivate = true;
    else if (arg === "--test-rua") options.testHttpsRua = true;
    else if (arg === "--dns") options.dnsServers = value().split(",");
    else if (arg === "--ca") options.ca = [readFileSync(value(), "utf8")];
    else if (arg === "--dkim-selector") options.dkimSelectors = value().split(",").filter(Boolean);
    else if (arg === "--deadline") options.deadlineMs = Number(value());
    else if (arg.startsWith("--") || domain !== null) return null;
    else domain = arg;
  }
  return domain === null ? null : { domain, json, options };
}

const args = parseArgs(process.argv.slice(2));
if (args === null) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const report = await checkDomain(args.domain, {
  ...checkerOptions(),
  ...args.options,
  onEvent: (e) => {
    if (!args.json && e.type === "probe-finished") {
      process.stderr.write(
        `  ${e.progress.finished}/${e.progress.total} ${e.probe} (${e.ms} ms)\n`,
      );
    }
  },
});
process.stdout.write(
  args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReportText(report)}\n`,
);
process.exit(report.summary.error > 0 ? 1 : 0);
