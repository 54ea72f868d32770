// The policy file served at https://mta-sts.<domain>/.well-known/mta-sts.txt (RFC 8461 §3.2).
// STS-POL-13: the parser returns the fields it found plus diagnostics and never throws.

import { err, ok, type Diagnostic, type Result } from "../core/diagnostic";
import { EXT_NAME_RE } from "./txt-fields";
import { decodePolicyBody, splitPolicyLines, type PolicyLine } from "./policy-lines";
import { checkPolicyValues } from "./policy-values";
import type { StsMode, StsPolicy } from "./policy-types";

export { MAX_AGE_LIMIT, STS_MODES, type StsMode, type StsPolicy } from "./policy-types";

export interface PolicyParseResult {
  version: string | null;
  mode: StsMode | null;
  maxAge: number | null;
  /** Every `mx` value in file order, as written (trailing whitespace removed). */
  mx: string[];
  /** Well-formed unknown keys, in file order (STS-POL-10). */
  extensions: [string, string][];
  diagnostics: Diagnostic[];
  /**
   * Sender verdict: true when a compliant, strict sender accepts the policy. Diagnostics
   * are the checker's view: an error such as a conflicting duplicate (STS-POL-11) can
   * sit next to `valid: true`.
   */
  valid: boolean;
}

export interface PolicyParseOptions {
  /** The Policy Domain, to flag wildcards that cover the organisation's own zone. */
  policyDomain?: string;
}

const SINGLE_KEYS = ["version", "mode", "max_age"] as const;
type SingleKey = (typeof SINGLE_KEYS)[number];
const isSingleKey = (key: string): key is SingleKey =>
  (SINGLE_KEYS as readonly string[]).includes(key);

/** Parse a policy body (text, or the raw bytes of an HTTP response). Never throws. */
export function parsePolicy(
  body: string | Uint8Array,
  options: PolicyParseOptions = {},
): PolicyParseResult {
  let text: string;
  if (typeof body === "string") {
    text = body;
  } else {
    const decoded = decodePolicyBody(body);
    if ("error" in decoded) {
      return { ...emptyResult(), diagnostics: [decoded.error] };
    }
    text = decoded.text;
  }

  const { lines, diagnostics, grammatical } = splitPolicyLines(text);
  let strictValid = grammatical;
  const firstByKey = new Map<SingleKey, PolicyLine>();
  const mxLines: PolicyLine[] = [];
  const extensions: [string, string][] = [];

  for (const entry of lines) {
    const { key, line } = entry;
    if (!EXT_NAME_RE.test(key)) {
      diagnostics.push({
        id: "STS-POL-10",
        severity: "error",
        line,
        message: `"${key}" is not a valid key: use 1 to 32 letters, digits, "_", "-" or ".", starting with a letter or digit.`,
        ref: { key: "STS-POL-10.invalidKey", params: { key } },
      });
      strictValid = false;
      continue;
    }
    if (key === "mx") {
      mxLines.push(entry);
      continue;
    }
    if (isSingleKey(key)) {
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, entry);
      } else {
        diagnostics.push(duplicateDiagnostic(key, first, entry));
      }
      continue;
    }
    const extension = checkExtension(entry, diagnostics);
    if (extension) extensions.push(extension);
    else strictValid = false;
  }

  const values = checkPolicyValues(firstByKey, mxLines, options.policyDomain);
  diagnostics.push(...values.diagnostics);
  return {
    version: values.version,
    mode: values.mode,
    maxAge: values.maxAge,
    mx: mxLines.map((l) => l.value),
    extensions,
    diagnostics: diagnostics.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)),
    valid: strictValid && values.valid,
  };
}

/** The usable policy, or the errors that make senders reject it. */
export function toPolicy(result: PolicyParseResult): Result<StsPolicy, Diagnostic[]> {
  const { mode, maxAge, version } = result;
  if (!result.valid || version !== "STSv1" || mode === null || maxAge === null) {
    return err(result.diagnostics.filter((d) => d.severity === "error"));
  }
  return ok({ version, mode, maxAge, mx: [...result.mx], extensions: [...result.extensions] });
}

function emptyResult(): PolicyParseResult {
  return {
    version: null,
    mode: null,
    maxAge: null,
    mx: [],
    extensions: [],
    diagnostics: [],
    valid: false,
  };
}

/** STS-POL-11: first wins; warn on any duplicate, error when the values differ. */
function duplicateDiagnostic(key: string, first: PolicyLine, later: PolicyLine): Diagnostic {
  if (first.value === later.value) {
    return {
      id: "STS-POL-11",
      severity: "warning",
      line: later.line,
      message: `"${key}" appears again (first on line ${first.line}): remove the duplicate; some validators reject the policy.`,
      ref: { key: "STS-POL-11.duplicate", params: { key, line: String(first.line) } },
    };
  }
  return {
    id: "STS-POL-11",
    severity: "error",
    line: later.line,
    message: `"${key}: ${later.value}" conflicts with "${key}: ${first.value}" on line ${first.line}: senders disagree on which one wins. Keep one.`,
    ref: {
      key: "STS-POL-11.conflict",
      params: { key, value: later.value, first: first.value, line: String(first.line) },
    },
  };
}

/** STS-POL-3 and STS-POL-10: unknown keys are ignored when well formed. */
function checkExtension(entry: PolicyLine, diagnostics: Diagnostic[]): [string, string] | null {
  const { key, value, line } = entry;
  if (value === "" || [...value].some(isControl)) {
    diagnostics.push({
      id: "STS-POL-10",
      severity: "error",
      line,
      message:
        value === ""
          ? `"${key}" has no value: give it one or remove the line.`
          : `The value of "${key}" contains a control character: remove it.`,
      ref: { key: value === "" ? "STS-POL-10.noValue" : "STS-POL-10.controlChar", params: { key } },
    });
    return null;
  }
  const lower = key.toLowerCase();
  if (lower === "mx" || isSingleKey(lower)) {
    diagnostics.push({
      id: "STS-POL-3",
      severity: "error",
      line,
      message: `Keys are case-sensitive: write "${lower}", not "${key}". Senders ignore "${key}".`,
      ref: { key: "STS-POL-3.caseSensitive", params: { key, lower } },
    });
  } else {
    diagnostics.push({
      id: "STS-POL-10",
      severity: "info",
      line,
      message: `"${key}" is not defined by RFC 8461; senders ignore it.`,
      ref: { key: "STS-POL-10.unknownKey", params: { key } },
    });
  }
  return [key, value];
}

const isControl = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== "\t") || code === 0x7f;
};
