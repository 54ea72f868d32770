import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locale";
import { MESSAGES } from "./messages";

// Issue 16 §6: a key missing in either language, or a message whose placeholders differ
// between English and German, fails here (not in front of a user).

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Every argument of an ICU message with its kind ("count:plural", "name:argument"). */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) found.add(`${el.value}:argument`);
      if (el.type === TYPE.number) found.add(`${el.value}:number`);
      if (el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:date`);
      if (el.type === TYPE.tag) {
        found.add(`${el.value}:tag`);
        walk(el.children);
      }
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** Keys of `a` that `b` lacks. */
const missingIn = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...a.keys()].filter((k) => !b.has(k)).sort();

/** Messages whose placeholders differ between the two languages. */
function placeholderDiffs(en: Map<string, string>, de: Map<string, string>): string[] {
  return [...en].flatMap(([key, a]) => {
    const b = de.get(key);
    if (b === undefined) return [];
    const pa = placeholders(a).join(" ");
    const pb = placeholders(b).join(" ");
    return pa === pb ? [] : [`${key}: en {${pa}} de {${pb}}`];
  });
}

const flat = Object.fromEntries(
  LOCALES.map((l) => [l, flatten(MESSAGES[l] as unknown as Tree)]),
) as Record<(typeof LOCALES)[number], Map<string, string>>;

describe("messages (issue 16 §6)", () => {
  it("has the same keys in English and German", () => {
    expect(missingIn(flat.en, flat.de)).toEqual([]);
    expect(missingIn(flat.de, flat.en)).toEqual([]);
    expect(flat.en.size).toBeGreaterThan(100);
  });

  it("uses the same placeholders in both languages", () => {
    expect(placeholderDiffs(flat.en, flat.de)).toEqual([]);
  });

  it("has no empty message and every message parses as ICU", () => {
    for (const l of LOCALES)
      for (const [key, text] of flat[l]) {
        expect(text.trim(), `${l} ${key}`).not.toBe("");
        expect(() => parse(text), `${l} ${key}`).not.toThrow();
      }
  });

  it("sees a missing key and a changed placeholder (the checks can fail)", () => {
    const en = flatten({ a: "{count, plural, one {# error} other {# errors}} on {host}", b: "B" });
    const de = flatten({ a: "{n, plural, one {# Fehler} other {# Fehler}} auf {host}" });
    expect(missingIn(en, de)).toEqual(["b"]);
    expect(placeholderDiffs(en, de)).toEqual([
      "a: en {count:plural host:argument} de {host:argument n:plural}",
    ]);
    expect(placeholders("{role, select, admin {Admin} other {Betrachter}}")).toEqual([
      "role:select",
    ]);
  });
});
