import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

// `npm run audit:prod`: `npm audit --omit=dev` for what ships, failing on high or critical
// advisories (issue 11 §12). Some registries and mirrors do not answer audit queries, and
// CI may run without a network: that is reported and is not a failure, because it says
// nothing about the dependencies. Any answer with findings is judged.
//   exit 0: no high/critical advisory, or the audit query went unanswered (said so)
//   exit 1: at least one high or critical advisory (each listed)
// `--summary FILE` also writes {"passed", "failed"} for scripts/test-summary.mjs: one check
// passed or failed, or none at all when the query went unanswered.

type Counts = Record<"info" | "low" | "moderate" | "high" | "critical", number>;
interface AuditJson {
  metadata?: { vulnerabilities?: Partial<Counts> };
  vulnerabilities?: Record<string, { severity?: string; via?: unknown[] }>;
  statusCode?: number;
  error?: { code?: string; summary?: string } | string;
  code?: string;
  message?: string;
}

type AuditVerdict =
  | { kind: "clean"; message: string }
  | { kind: "findings"; message: string }
  | { kind: "unanswered"; message: string };

/** Judges the output of `npm audit --json` (a report, or npm's description of a failure). */
function auditVerdict(stdout: string): AuditVerdict {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    return { kind: "unanswered", message: "npm audit printed no report: advisories not checked." };
  }
  const counts = json.metadata?.vulnerabilities;
  if (!counts) {
    // npm's description of the failure names the registry's address; only the status or
    // the error code is repeated here.
    const code =
      (typeof json.error === "object" ? json.error.code : undefined) ??
      json.code ??
      /\b(E[A-Z0-9_]{3,})\b/.exec(json.message ?? "")?.[1] ??
      "no error code";
    const why =
      json.statusCode !== undefined
        ? `the registry answered HTTP ${json.statusCode} to the audit query`
        : `the audit query failed (${code})`;
    return { kind: "unanswered", message: `${why}: advisories not checked.` };
  }
  const serious = Object.entries(json.vulnerabilities ?? {}).filter(
    ([, v]) => v.severity === "high" || v.severity === "critical",
  );
  const high = counts.high ?? 0;
  const critical = counts.critical ?? 0;
  if (high + critical > 0 || serious.length > 0) {
    const lines = serious.map(([name, v]) => `  ${v.severity} ${name}: ${titles(v.via)}`);
    return {
      kind: "findings",
      message: [
        `${critical} critical and ${high} high advisories in production dependencies:`,
        ...lines,
      ].join("\n"),
    };
  }
  const lower = (counts.info ?? 0) + (counts.low ?? 0) + (counts.moderate ?? 0);
  return { kind: "clean", message: `No high or critical advisories (${lower} lower).` };
}

/** The advisory titles, or the packages an advisory reaches this one through. */
function titles(via: unknown[] | undefined): string {
  const out = (via ?? []).map((v) =>
    typeof v === "string" ? `via ${v}` : String((v as { title?: unknown }).title ?? "advisory"),
  );
  return [...new Set(out)].join("; ");
}

function runAudit(): Promise<string> {
  return new Promise((resolve, reject) => {
    // npm exits non-zero both for findings and for failures; the JSON tells them apart.
    const child = spawn("npm", ["audit", "--omit=dev", "--json"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}

const verdict = auditVerdict(await runAudit());
console.log(`npm audit --omit=dev: ${verdict.message}`);
process.exitCode = verdict.kind === "findings" ? 1 : 0;
const summaryAt = process.argv.indexOf("--summary");
if (summaryAt > 0 && process.argv[summaryAt + 1]) {
  const counts = {
    passed: verdict.kind === "clean" ? 1 : 0,
    failed: verdict.kind === "findings" ? 1 : 0,
  };
  writeFileSync(process.argv[summaryAt + 1]!, JSON.stringify(counts) + "\n");
}
