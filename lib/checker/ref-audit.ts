// For the checker's tests (issue 16 §6): what is wrong with the MessageRefs of real results.
// A ref whose key is missing in English or German, whose English does not format to the text
// the result stores (a fix quoting diagnostics: their English joined, each after its policy line), or a title without a ref (only a check id may stand as its own title).
import { formatIcu } from "../i18n/format-icu";
import { MESSAGES } from "../i18n/messages";
import type { FindingText } from "../watch/types";
import type { CheckResult } from "./types";

type Tree = { [key: string]: string | Tree };

function message(
  locale: "en" | "de",
  key: string,
  namespace: "checks" | "diagnostics" = "checks",
): string | undefined {
  let node: string | Tree | undefined = MESSAGES[locale][namespace] as unknown as Tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

export interface RefAudit {
  problems: string[];
  /** Refs looked at. */
  refs: number;
}

export function auditRefs(results: readonly CheckResult[]): RefAudit {
  const problems: string[] = [];
  let refs = 0;
  for (const r of results) {
    const where = `${r.id} ${r.target ?? ""} "${r.title}"`;
    if (!r.i18n?.title && r.title !== r.id) problems.push(`${where}: title without a ref`);
    for (const part of ["title", "evidence", "fix"] as const) {
      const ref = r.i18n?.[part];
      if (!ref) continue;
      refs++;
      const en = message("en", ref.key);
      if (en === undefined || message("de", ref.key) === undefined) {
        problems.push(`${where}: ${part} key ${ref.key} missing in en or de`);
        continue;
      }
      const text = formatIcu(en, ref.params);
      if (text !== r[part]) problems.push(`${where}: ${part} ${JSON.stringify(text)} ≠ stored`);
    }
    const quoted = r.i18n?.fixDiagnostics;
    if (quoted) {
      refs += quoted.length;
      const texts = quoted.map((ref) => {
        const en = message("en", ref.key, "diagnostics");
        if (en === undefined || message("de", ref.key, "diagnostics") === undefined) {
          problems.push(`${where}: diagnostic key ${ref.key} missing in en or de`);
        }
        const text = en === undefined ? "" : formatIcu(en, ref.params);
        if (ref.line === undefined) return text;
        const at = message("en", "policy.atLine") ?? "";
        return formatIcu(at, { line: String(ref.line), diagnostic: text });
      });
      const text = texts.join(" ");
      if (text !== r.fix) problems.push(`${where}: fix ${JSON.stringify(text)} ≠ stored`);
    }
  }
  return { problems, refs };
}

/** auditRefs for watch findings (CHK-OPS-*): `detail` is checked against its evidence ref. */
export function auditFindingRefs(
  findings: readonly {
    kind: string;
    title: string;
    detail: string;
    fix: string;
    i18n?: FindingText;
  }[],
): string[] {
  return auditRefs(
    findings.map((f) => ({
      id: f.kind,
      severity: "error",
      title: f.title,
      evidence: f.detail,
      fix: f.fix,
      ...(f.i18n
        ? { i18n: { title: f.i18n.title, evidence: f.i18n.detail, fix: f.i18n.fix } }
        : {}),
    })),
  ).problems;
}
