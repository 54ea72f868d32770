// Bytes → JSON value, with the I-JSON checks JSON.parse does not do (RPT-JSON-1, RPT-ING-3).
// Speed matters (bench/parse.ts): the common path is native JSON.parse plus one tight
// character loop; the slow scanner (json-scan.ts) runs only when something is wrong.
import { isUtf8 } from "node:buffer";
import { err, ok, type Result } from "../core/diagnostic";
import { findDuplicates, MAX_DEPTH, tooDeep } from "./json-scan";
import { refusal } from "./refusal-text";
import type { ReportError } from "./types";

export { MAX_DEPTH, numberLiteralAt } from "./json-scan";

export interface ParsedJson {
  value: unknown;
  text: string;
  bomStripped: boolean;
  /** Paths of members whose name appeared twice in one object (last value kept); the
   * first few only, `duplicateCount` says how many there were. */
  duplicates: string[];
  duplicateCount: number;
}

export function decodeJson(bytes: Uint8Array): Result<ParsedJson, ReportError> {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  // Invalid UTF-8 decodes to U+FFFD; only then is the (full) validation worth running.
  if (text.includes("\uFFFD") && !isUtf8(bytes)) {
    return err(refusal("bad-encoding", "badUtf8"));
  }
  // RPT-ING-3: strip a leading UTF-8 BOM.
  const bomStripped = text.charCodeAt(0) === 0xfeff;
  if (bomStripped) text = text.slice(1);
  // Issue 11: V8's JSON.parse spends about 1 µs per nesting level, so 10 MiB of "[" would
  // hold the thread for seconds; the structural walk refuses deep text before parsing it.
  const separators = walkStructure(text);
  if (separators < 0) return err(tooDeep());
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : "syntax error";
    return err(refusal("bad-json", "badJson", { detail }));
  }
  // The top-level container is level 1; json-scan.ts counts levels the same way.
  const members = typeof value === "object" && value !== null ? countMembers(value, 1) : 0;
  if (members < 0) return err(tooDeep());
  // Every ':' outside a string separates one object member. Fewer members in the parsed
  // value than separators in the text means a name repeated inside one object.
  if (members === separators) {
    return ok({ value, text, bomStripped, duplicates: [], duplicateCount: 0 });
  }
  const scan = findDuplicates(text);
  if (!scan.ok) return scan;
  const { paths, count } = scan.value;
  return ok({ value, text, bomStripped, duplicates: paths, duplicateCount: count });
}

/** Members of all objects in v, or -1 when containers nest deeper than MAX_DEPTH levels
 * (`level` is v's own level: the top-level container is level 1). */
function countMembers(v: object, level: number): number {
  if (level > MAX_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (typeof item !== "object" || item === null) continue;
      const c = countMembers(item, level + 1);
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
    const c = countMembers(item, level + 1);
    if (c < 0) return -1;
    n += c;
  }
  return n;
}

/**
 * The ':' separators outside strings, or -1 when brackets nest deeper than `maxDepth`
 * levels (counted like countMembers: the top-level container is level 1).
 */
export function walkStructure(text: string, maxDepth: number = MAX_DEPTH): number {
  // Jumps from quote to quote with indexOf (native, fast); only the short structural runs
  // between strings are walked character by character.
  let n = 0;
  let depth = 0;
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    const stop = q < 0 ? text.length : q;
    for (let j = i; j < stop; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x3a) n++;
      else if (c === 0x5b || c === 0x7b) {
        if (++depth > maxDepth) return -1;
      } else if (c === 0x5d || c === 0x7d) depth--;
    }
    if (q < 0) return n;
    // Find the closing quote: one preceded by an even number of backslashes. Each run of
    // backslashes is walked once (it precedes exactly one quote), so this stays linear.
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
