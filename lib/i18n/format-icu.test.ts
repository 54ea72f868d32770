import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { REASON_GROUPS } from "../readiness/reason-text";
import { formatIcu } from "./format-icu";
import { MESSAGES } from "./messages";

// lib/ formats the English of its MessageRefs with formatIcu (ARCHITECTURE.md "Languages");
// the UI formats the same message with next-intl. They must agree, or the stored English and
// the English page would differ: every message of the namespaces lib formats, with every
// branch of its selects and plurals, through both.

type Tree = { [key: string]: string | Tree };
type Params = Record<string, string | number>;

function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v]] : flatten(v, `${prefix}${k}.`),
  );
}

/** Parameter sets that reach every option of every select and plural of the message. */
function paramSets(message: string): Params[] {
  const base: Params = {};
  const variants: [string, (string | number)[]][] = [];
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) base[el.value] ??= `«${el.value}»`;
      if (el.type === TYPE.select) {
        variants.push([el.value, Object.keys(el.options).concat("unlisted")]);
        base[el.value] = "unlisted";
      }
      if (el.type === TYPE.plural) {
        variants.push([el.value, [0, 1, 2, 1234]]);
        base[el.value] = 2;
      }
      if (el.type === TYPE.plural || el.type === TYPE.select)
        for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(parse(message));
  return [
    base,
    ...variants.flatMap(([name, values]) => values.map((v) => ({ ...base, [name]: v }))),
  ];
}

/** Each namespace lib formats, with the least number of comparisons its messages give. */
const LIB_NAMESPACES = {
  checks: 400,
  readinessEvidence: 100,
  readinessReasons: 50,
  tlsrptReader: 100,
} as const;
/** Where lib formats only part of a namespace: the key prefixes it formats. */
const LIB_PARTS: Partial<Record<keyof typeof LIB_NAMESPACES, string[]>> = {
  readinessReasons: [...REASON_GROUPS],
};

describe("formatIcu (issue 16 §6)", () => {
  for (const [ns, least] of Object.entries(LIB_NAMESPACES) as [
    keyof typeof LIB_NAMESPACES,
    number,
  ][]) {
    it(`formats every ${ns} message exactly as next-intl does, in English and German`, () => {
      let compared = 0;
      for (const locale of ["en", "de"] as const) {
        const messages = MESSAGES[locale][ns] as unknown as Tree;
        const t = createTranslator({ locale, messages: { [ns]: messages } });
        const parts = LIB_PARTS[ns];
        for (const [key, message] of flatten(messages)) {
          if (parts && !parts.some((p) => key.startsWith(p))) continue;
          for (const params of paramSets(message)) {
            const theirs = t(`${ns}.${key}` as never, params as never) as string;
            expect(formatIcu(message, params, locale), `${locale} ${key}`).toBe(theirs);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(least);
    });
  }

  it("substitutes raw data verbatim, groups numbers, picks plural and select branches", () => {
    expect(formatIcu("{host}: {x}", { host: "mx1.example.com", x: "{not} 'icu'" })).toBe(
      "mx1.example.com: {not} 'icu'",
    );
    expect(formatIcu("{n} sessions", { n: 15413 })).toBe("15,413 sessions");
    expect(formatIcu("{n} sessions", { n: 15413 }, "de")).toBe("15.413 sessions");
    const days = "{n, plural, =0 {today} one {# day} other {# days}}";
    expect([0, 1, 3].map((n) => formatIcu(days, { n }))).toEqual(["today", "1 day", "3 days"]);
    const kind = "{k, select, a {A {x}} other {other}}";
    expect(formatIcu(kind, { k: "b" })).toBe("other");
    expect(formatIcu(kind, { k: "a", x: "1" })).toBe("A 1");
  });

  it("follows ICU quoting: '' is an apostrophe, '{x}' is literal, a lone ' stays", () => {
    expect(formatIcu("Let's go, it''s '{literal}' {x}", { x: "y" })).toBe(
      "Let's go, it's {literal} y",
    );
  });

  it("refuses a message it can't format (missing parameter, unknown type, unbalanced)", () => {
    expect(() => formatIcu("{host} is down", {})).toThrow("Missing parameter {host}");
    expect(() => formatIcu("{d, date, short}", { d: 1 })).toThrow("Unsupported {d, date}");
    expect(() => formatIcu("a } b")).toThrow('Unbalanced "}"');
    expect(() => formatIcu("{n, select, a {x}", { n: "a" })).toThrow('Unclosed "{"');
  });
});
