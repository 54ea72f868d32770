// §14.3 Policy content (CHK-POL-1…10), from the policy parser's STS-* diagnostics.
import type { Diagnostic } from "../core/diagnostic";
import { parsePolicy } from "../mta-sts/policy";
import { diagnosticsResult, groupByCheck, result } from "./result";
import { ct, type CheckTextKey } from "./text";
import type { CheckResult, PolicyMode } from "./types";

export interface PolicyFacts {
  mode: PolicyMode | null;
  /** mx patterns as written (also when the policy is invalid, for coverage hints). */
  mx: string[];
  /** A compliant sender accepts the policy. */
  valid: boolean;
  maxAge: number | null;
  /** The served body as text (CheckFacts.policy); set by checkPolicyHost. */
  body?: string;
}

function chkIdFor(d: Diagnostic): string {
  switch (d.id) {
    case "STS-POL-4":
    case "STS-POL-5":
      return "CHK-POL-1";
    case "STS-POL-3":
      return "CHK-POL-3";
    case "STS-POL-8":
      return "CHK-POL-4";
    case "STS-POL-9":
      return d.severity === "error" ? "CHK-POL-5" : "CHK-POL-6";
    case "STS-POL-11":
      return "CHK-POL-7";
    case "STS-POL-10":
      return d.severity === "info" ? "CHK-POL-8" : "CHK-POL-2";
    case "STS-OPS-10":
      return "CHK-POL-9";
    case "STS-POL-6":
      return "CHK-POL-10";
    default:
      return "CHK-POL-2"; // STS-POL-1, -2, -12: line grammar and encoding
  }
}

/** Title keys (policy.titles.<id>); the ok result of an id says "…: fine" (policy.fine.<id>). */
const TITLED = new Set([
  "CHK-POL-1",
  "CHK-POL-2",
  "CHK-POL-3",
  "CHK-POL-4",
  "CHK-POL-5",
  "CHK-POL-6",
  "CHK-POL-7",
  "CHK-POL-8",
  "CHK-POL-9",
  "CHK-POL-10",
]);
const title = (id: string) => (TITLED.has(id) ? ct(`policy.titles.${id}` as CheckTextKey) : id);

/** Maps every diagnostic to its CHK id (one result per id) and adds ok results for the rest. */
export function checkPolicyContent(
  body: Buffer,
  domain: string,
  target: string,
): {
  results: CheckResult[];
  facts: PolicyFacts;
} {
  const parsed = parsePolicy(new Uint8Array(body), { policyDomain: domain });
  const text = body.toString("utf8");
  const shown = text.length > 600 ? `${text.slice(0, 600)}…` : text;
  const evidence = ct("policy.body", { bytes: String(body.length), body: shown });
  const byId = groupByCheck(parsed.diagnostics, chkIdFor);
  const results: CheckResult[] = [];
  for (const [id, list] of byId) {
    // The fix quotes the parser's diagnostics, each after its line, with their refs.
    results.push(diagnosticsResult(id, title(id), evidence, list, target));
  }
  for (const id of ["CHK-POL-1", "CHK-POL-2", "CHK-POL-4", "CHK-POL-5"]) {
    if (!byId.has(id))
      results.push(result(id, "ok", ct(`policy.fine.${id}` as CheckTextKey), evidence, "", target));
  }
  return {
    results,
    facts: { mode: parsed.mode, mx: parsed.mx, valid: parsed.valid, maxAge: parsed.maxAge },
  };
}
