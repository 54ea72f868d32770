// Bytes → JSON value, with the I-JSON checks JSON.parse does not do (RPT-JSON-1, RPT-ING-3).
// Speed matters (bench/parse.ts): the common path is native JSON.parse plus one tight
// character loop; the slow tokenizer below runs only when something is wrong.
import { isUtf8 } from "node:buffer";
import { err, ok, type Result } from "../core/diagnostic";
import type { ReportError } from "./types";

/** Reports are ~5 levels deep; anything far deeper is hostile and would blow the stack. */
export const MAX_DEPTH = 64;

export interface ParsedJson {
  value: unknown;
  text: string;
  bomStripped: boolean;
  /** Paths of members whose name appeared twice in one object (last value kept). */
  duplicates: string[];
}

export function decodeJson(bytes: Uint8Array): Result<ParsedJson, ReportError> {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  // Invalid UTF-8 decodes to U+FFFD; only then is the (full) validation worth running.
  if (text.includes("\uFFFD") && !isUtf8(bytes)) {
    return err({ code: "bad-encoding", message: "the report is not valid UTF-8 (RPT-JSON-1)" });
  }
  // RPT-ING-3: strip a leading UTF-8 BOM.
  const bomStripped = text.charCodeAt(0) === 0xfeff;
  if (bomStripped) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : "syntax error";
    return err({ code: "bad-json", message: `the report is not valid JSON: ${detail}` });
  }
  const members = typeof value === "object" && value !== null ? countMembers(value, 0) : 0;
  if (members < 0) {
    return err({ code: "bad-json", message: `JSON nested deeper than ${MAX_DEPTH} levels` });
  }
  // Every ':' outside a string separates one object member. Fewer members in the parsed
  // value than separators in the text means a name repeated inside one object.
  const duplicates = members === countNameSeparators(text) ? [] : scanJson(text).duplicates;
  return ok({ value, text, bomStripped, duplicates });
}

function countMembers(v: object, depth: number): number {
  if (depth > MAX_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (typeof item !== "object" || item === null) continue;
      const c = countMembers(item, depth + 1);
      if (c < 0) return -1;
      n += c;
    }
    return n;
  }
  const obj = v as Record<string, unknown>;
  for (const k in obj) {
    n++;
    const item = obj[k];
    if (typeof item !== "object" || item === null) continue;
    const c = countMembers(item, depth + 1);
    if (c < 0) return -1;
    n += c;
  }
  return n;
}

function countNameSeparators(text: string): number {
  // Jumps from quote to quote with indexOf (native, fast); only the short structural runs
  // between strings are walked character by character.
  let n = 0;
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    const stop = q < 0 ? text.length : q;
    for (let j = i; j < stop; j++) if (text.charCodeAt(j) === 0x3a) n++;
    if (q < 0) return n;
    // Find the closing quote: one preceded by an even number of backslashes.
    let end = text.indexOf('"', q + 1);
    while (end > 0 && text.charCodeAt(end - 1) === 0x5c && oddBackslashes(text, end)) {
      end = text.indexOf('"', end + 1);
    }
    if (end < 0) return n;
    i = end + 1;
  }
}

function oddBackslashes(text: string, quote: number): boolean {
  let k = quote - 1;
  while (text.charCodeAt(k) === 0x5c) k--;
  return (quote - 1 - k) % 2 === 1;
}

export interface JsonScan {
  duplicates: string[];
  /** Number literals exactly as written, by path (JSON.parse rounds 2^53+1). */
  numbers: Map<string, string>;
}

/** Slow path: tokenizes already-valid JSON, tracking member paths. */
export function scanJson(text: string): JsonScan {
  const out: JsonScan = { duplicates: [], numbers: new Map() };
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text.charAt(i))) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string, depth: number): void => {
    ws();
    const c = text.charAt(i);
    if (depth > MAX_DEPTH) return;
    if (c === "{") {
      i++;
      const seen = new Set<string>();
      for (ws(); text.charAt(i) === '"'; ws()) {
        const key = str();
        const sub = path ? `${path}.${key}` : key;
        if (seen.has(key)) out.duplicates.push(sub);
        seen.add(key);
        ws();
        i++; // ':'
        value(sub, depth + 1);
        ws();
        if (text.charAt(i) === ",") i++;
        ws();
      }
      i++; // '}'
    } else if (c === "[") {
      i++;
      for (let n = 0; ws(), i < text.length && text.charAt(i) !== "]"; n++) {
        value(`${path}[${n}]`, depth + 1);
        ws();
        if (text.charAt(i) === ",") i++;
      }
      i++;
    } else if (c === '"') {
      str();
    } else {
      const start = i;
      while (i < text.length && /[-+.\deE\w]/.test(text.charAt(i))) i++;
      const raw = text.slice(start, i);
      if (c !== "t" && c !== "f" && c !== "n") out.numbers.set(path, raw);
      if (i === start) i++;
    }
  };
  value("", 0);
  return out;
}
