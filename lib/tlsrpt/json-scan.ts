// Slow path of the JSON reader: a tokenizer over the JSON text for what JSON.parse hides,
// namely repeated member names (RPT-ING-3) and number literals exactly as written
// (TV-JSON-13: JSON.parse rounds 2^53+1). Issue 11: it must terminate on any text, in
// time linear in the text: every step consumes input or refuses, nesting is bounded by
// MAX_DEPTH exactly as json-text.ts counts it, and nothing is sliced or matched per char.
import { err, ok, type Result } from "../core/diagnostic";
import { refusal } from "./refusal-text";
import type { ReportError } from "./types";

/** Reports are ~5 levels deep; anything far deeper is hostile and would blow the stack.
 * Levels count arrays and objects: the top-level object is level 1. */
export const MAX_DEPTH = 64;

/** Duplicate paths listed in a warning; the rest are counted. */
const MAX_LISTED = 10;
/** Member names are cut to this length in paths shown to people. */
const MAX_SHOWN_KEY = 40;

export const tooDeep = (): ReportError =>
  refusal("bad-json", "tooDeep", { max: String(MAX_DEPTH) });

type Segment = string | number;

class ScanFailure extends Error {
  constructor(readonly error: ReportError) {
    super(error.message);
  }
}

/** What the scanner found wrong: the `problem` select of refusals.badJsonAt. */
type ScanProblem =
  | "unterminatedString"
  | "memberName"
  | "badEscape"
  | "end"
  | "colon"
  | "separator"
  | "trailingText"
  | "character";

const fail = (at: number, problem: ScanProblem, close = ""): never => {
  throw new ScanFailure(refusal("bad-json", "badJsonAt", { problem, close, at: String(at) }));
};

interface Hooks {
  /** Called with the path of each repeated member name. */
  duplicate?: (path: readonly Segment[]) => void;
  /** Path whose number literal is wanted. */
  target?: readonly Segment[];
  literal?: string;
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
// Characters of numbers and of true/false/null; anything else ends the token.
const isTokenChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  c === 0x2b ||
  c === 0x2d ||
  c === 0x2e;

function scan(text: string, hooks: Hooks): void {
  const n = text.length;
  const path: Segment[] = [];
  const target = hooks.target;
  let i = 0;
  const ws = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  /** Skips a string starting at i (a '"'); returns the index of its closing quote. */
  const skipString = (): number => {
    let j = i + 1;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x5c) j++;
      else if (c === 0x22) break;
    }
    if (j >= n) fail(i, "unterminatedString");
    const start = i;
    i = j + 1;
    return start;
  };
  const memberName = (): string => {
    if (text.charCodeAt(i) !== 0x22) fail(i, "memberName");
    const start = skipString();
    const raw = text.slice(start + 1, i - 1);
    if (!raw.includes("\\")) return raw;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail(start, "badEscape");
    }
  };
  // `level`: containers enclosing this value; `onTarget`: path equals target's prefix.
  const value = (level: number, onTarget: boolean): void => {
    ws();
    if (i >= n) fail(i, "end");
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (level + 1 > MAX_DEPTH) throw new ScanFailure(tooDeep());
      i++;
      ws();
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (text.charCodeAt(i) === close) {
        i++;
        return;
      }
      const seen = c === 0x7b ? new Set<string>() : null;
      for (let index = 0; ; index++) {
        let seg: Segment = index;
        if (seen) {
          ws();
          seg = memberName();
          if (seen.has(seg)) hooks.duplicate?.([...path, seg]);
          else seen.add(seg);
          ws();
          if (text.charCodeAt(i) !== 0x3a) fail(i, "colon");
          i++;
        }
        path.push(seg);
        value(level + 1, onTarget && target !== undefined && target[path.length - 1] === seg);
        path.pop();
        ws();
        const next = text.charCodeAt(i);
        i++;
        if (next === close) return;
        if (next !== 0x2c) fail(i - 1, "separator", String.fromCharCode(close));
      }
    }
    if (c === 0x22) {
      skipString();
      return;
    }
    const start = i;
    while (i < n && isTokenChar(text.charCodeAt(i))) i++;
    if (i === start) fail(i, "character");
    if (onTarget && target !== undefined && path.length === target.length) {
      hooks.literal = text.slice(start, i);
    }
  };
  value(0, target !== undefined);
  ws();
  if (i < n) fail(i, "trailingText");
}

/** A path for people: `policies[0].summary.x`, long member names shortened. */
export function showPath(path: readonly Segment[]): string {
  let out = "";
  for (const s of path) {
    if (typeof s === "number") out += `[${s}]`;
    else {
      const k = s.length > MAX_SHOWN_KEY ? `${s.slice(0, MAX_SHOWN_KEY - 3)}...` : s;
      out += out === "" ? k : `.${k}`;
    }
  }
  return out;
}

export interface Duplicates {
  /** The first MAX_LISTED paths of repeated member names, in text order. */
  paths: string[];
  count: number;
}

/** Repeated member names in (already JSON.parse-d) text; refuses too-deep nesting. */
export function findDuplicates(text: string): Result<Duplicates, ReportError> {
  const out: Duplicates = { paths: [], count: 0 };
  try {
    scan(text, {
      duplicate: (path) => {
        if (out.count++ < MAX_LISTED) out.paths.push(showPath(path));
      },
    });
  } catch (e) {
    if (e instanceof ScanFailure) return err(e.error);
    throw e;
  }
  return ok(out);
}

/** `a.b[2].c` → ["a", "b", 2, "c"]; our paths name only the RFC's keys (no '.' or '['). */
function parsePath(p: string): Segment[] {
  const out: Segment[] = [];
  let k = 0;
  while (k < p.length) {
    if (p.charCodeAt(k) === 0x5b) {
      const close = p.indexOf("]", k);
      out.push(Number(p.slice(k + 1, close < 0 ? p.length : close)));
      k = close < 0 ? p.length : close + 1;
    } else {
      if (p.charCodeAt(k) === 0x2e) k++;
      let e = k;
      while (e < p.length && p.charCodeAt(e) !== 0x2e && p.charCodeAt(e) !== 0x5b) e++;
      out.push(p.slice(k, e));
      k = e;
    }
  }
  return out;
}

/** The number (or literal) at `path` exactly as written, or null (not found, or bad text). */
export function numberLiteralAt(text: string, path: string): string | null {
  const hooks: Hooks = { target: parsePath(path) };
  try {
    scan(text, hooks);
  } catch (e) {
    if (!(e instanceof ScanFailure)) throw e;
  }
  return hooks.literal ?? null;
}
