// Writing policies and ids for the hosted `mta-sts.<domain>` endpoint (STS-OPS-2, STS-OPS-5).

import { err, ok, type Diagnostic, type Result } from "../core/diagnostic";
import { parsePolicy } from "./policy";
import type { StsMode, StsPolicy } from "./policy-types";
import { normalizeHost } from "./mx-pattern";
import { STS_ID_RE } from "./txt-record";

export interface PolicyDraft {
  mode: StsMode;
  maxAge: number;
  mx: readonly string[];
  extensions?: readonly (readonly [string, string])[];
}

export interface FormatOptions {
  /** STS-POL-1: both are valid; the RFC prose and its examples use CRLF. */
  lineEnding?: "\r\n" | "\n";
}

/**
 * Render a policy body with `version` first (STS-POL-6) and a final line terminator.
 * The output is parsed back; any error the parser finds is returned instead of the text.
 */
export function formatPolicy(
  draft: PolicyDraft,
  options: FormatOptions = {},
): Result<string, Diagnostic[]> {
  const eol = options.lineEnding ?? "\r\n";
  const extensions = draft.extensions ?? [];
  const texts = [...draft.mx, ...extensions.flat()];
  if (texts.some((text) => /[\r\n]/.test(text))) {
    return err([
      {
        id: "STS-POL-2",
        severity: "error",
        message: "A value contains a line break: each field must fit on one line.",
        ref: { key: "STS-POL-2.lineBreakInValue" },
      },
    ]);
  }
  const lines = [
    "version: STSv1",
    `mode: ${draft.mode}`,
    ...draft.mx.map((pattern) => `mx: ${pattern}`),
    `max_age: ${draft.maxAge}`,
    ...extensions.map(([key, value]) => `${key}: ${value}`),
  ];
  const body = lines.join(eol) + eol;
  const parsed = parsePolicy(body);
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  return parsed.valid && errors.length === 0 ? ok(body) : err(errors);
}

/**
 * STS-OPS-2 [OURS]: a new id is the UTC time, letters and digits only (20250301T120000Z).
 * Ids have no order, so only "different from the current id" matters.
 */
export function newPolicyId(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
}

export const isValidPolicyId = (id: string): boolean => STS_ID_RE.test(id);

/**
 * STS-OPS-2: two policies are the same when senders would behave the same. MX patterns
 * are compared as a set after normalisation; extensions in order.
 */
export function samePolicy(a: StsPolicy, b: StsPolicy): boolean {
  const mxSet = (p: StsPolicy): string =>
    [
      ...new Set(
        p.mx.map((m) => (m.startsWith("*.") ? `*.${normalizeHost(m.slice(2))}` : normalizeHost(m))),
      ),
    ]
      .sort()
      .join(" ");
  const ext = (p: StsPolicy): string => JSON.stringify(p.extensions);
  return a.mode === b.mode && a.maxAge === b.maxAge && mxSet(a) === mxSet(b) && ext(a) === ext(b);
}
