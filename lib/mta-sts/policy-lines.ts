// Line-level grammar of the policy file (RFC 8461 §3.2): STS-POL-1, STS-POL-2, STS-POL-12.
//   sts-policy-record = sts-policy-field *(sts-policy-term sts-policy-field) [sts-policy-term]
//   sts-policy-term   = LF / CRLF
//   field             = name ":" *WSP value *WSP

import type { Diagnostic } from "../core/diagnostic";
import type { MessageRef } from "../i18n/message-ref";
import { trimWsp, trimWspEnd, trimWspStart } from "./wsp";

export interface PolicyLine {
  /** 1-based line number in the file. */
  line: number;
  key: string;
  value: string;
}

export interface PolicyLines {
  lines: PolicyLine[];
  diagnostics: Diagnostic[];
  /** False when the text breaks the line grammar (strict senders such as mox reject it). */
  grammatical: boolean;
}

const BOM = "\uFEFF";
const NON_ASCII = /[^\x00-\x7f]/;
/** Line problems told one by one; the rest are counted (issue 11). */
export const MAX_LINE_PROBLEMS = 100;

/** 0-based line of the character at `at` (-1 stays -1): one pass, no split. */
function lineIndexOf(text: string, at: number): number {
  if (at < 0) return -1;
  let line = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Decode a fetched body. Invalid UTF-8 is an error (STS-POL-12); a BOM is kept for the parser. */
export function decodePolicyBody(bytes: Uint8Array): { text: string } | { error: Diagnostic } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      error: {
        id: "STS-POL-12",
        severity: "error",
        message: "The policy is not valid UTF-8 text: save it as plain ASCII.",
        ref: { key: "STS-POL-12.notUtf8" },
      },
    };
  }
}

export function splitPolicyLines(body: string): PolicyLines {
  const diagnostics: Diagnostic[] = [];
  // Issue 11: a crafted 64 KiB body can break every one of its lines; the first
  // MAX_LINE_PROBLEMS are told, the rest counted in one closing diagnostic.
  let problems = 0;
  let firstUntold = 0;
  const problem = (id: string, line: number, message: string, ref: MessageRef): void => {
    problems += 1;
    if (problems <= MAX_LINE_PROBLEMS)
      diagnostics.push({ id, severity: "error", message, ref, line });
    else if (firstUntold === 0) firstUntold = line;
  };

  let text = body;
  if (text.startsWith(BOM)) {
    problem(
      "STS-POL-12",
      1,
      "Remove the byte order mark (BOM) at the start of the file: strict senders no longer recognise the first key.",
      { key: "STS-POL-12.bom" },
    );
    text = text.slice(BOM.length);
  }
  const nonAsciiLine = lineIndexOf(text, text.search(NON_ASCII));
  if (nonAsciiLine !== -1) {
    diagnostics.push({
      id: "STS-POL-12",
      severity: "warning",
      message:
        "The policy contains non-ASCII characters: they are only allowed inside extension values, and some senders reject them.",
      ref: { key: "STS-POL-12.nonAscii" },
      line: nonAsciiLine + 1,
    });
  }

  const raw = text.split("\n");
  // A single final line terminator is allowed; anything after it would be a blank line.
  if (raw.length > 1 && raw[raw.length - 1] === "") raw.pop();

  const lines: PolicyLine[] = [];
  raw.forEach((rawLine, index) => {
    const line = index + 1;
    const content = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (content.includes("\r")) {
      problem("STS-POL-1", line, "A bare CR is not a line ending: end each line with LF or CRLF.", {
        key: "STS-POL-1.bareCr",
      });
    }
    if (content.trim() === "") {
      if (text === "") return; // an empty file is reported as missing fields
      problem(
        "STS-POL-2",
        line,
        "Remove the blank line: the policy grammar does not allow them, and strict senders reject the policy.",
        { key: "STS-POL-2.blankLine" },
      );
      return;
    }
    let keyStart = content;
    if (/^[ \t]/.test(content)) {
      problem("STS-POL-2", line, "Remove the whitespace at the start of the line.", {
        key: "STS-POL-2.leadingWhitespace",
      });
      keyStart = trimWspStart(content);
    }
    const colon = keyStart.indexOf(":");
    if (colon === -1) {
      problem("STS-POL-2", line, `"${keyStart}" is not a "key: value" line.`, {
        key: "STS-POL-2.notKeyValue",
        params: { text: keyStart },
      });
      return;
    }
    const rawKey = keyStart.slice(0, colon);
    const key = trimWspEnd(rawKey);
    if (key !== rawKey) {
      problem("STS-POL-2", line, `Remove the whitespace between "${key}" and ":".`, {
        key: "STS-POL-2.spaceBeforeColon",
        params: { key },
      });
    }
    const value = trimWsp(keyStart.slice(colon + 1));
    lines.push({ line, key, value });
  });

  if (problems > MAX_LINE_PROBLEMS) {
    const count = problems - MAX_LINE_PROBLEMS;
    diagnostics.push({
      id: "STS-POL-2",
      severity: "error",
      line: firstUntold,
      message:
        count === 1
          ? "1 more line from here on breaks the line grammar too: fix the ones above first."
          : `${count} more lines from here on break the line grammar too: fix the ones above first.`,
      ref: { key: "STS-POL-2.moreLines", params: { count: String(count), n: count } },
    });
  }
  const grammatical = !diagnostics.some((d) => d.severity === "error");
  return { lines, diagnostics, grammatical };
}
