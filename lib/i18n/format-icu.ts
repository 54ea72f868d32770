// A small ICU MessageFormat formatter for the English texts lib/ keeps beside its MessageRefs
// (ARCHITECTURE.md "Languages"): lib formats its English from the same catalogue the UI
// translates (messages/en/<area>.json), so the stored English and t(ref) can't drift, without
// importing the translation layer. Subset: {name}, {n, plural, =0 {…} one {…} other {…}} with
// #, {x, select, a {…} other {…}}, and ICU quoting ('' and '{…}'). Anything else throws.
// format-icu.test.ts checks it against next-intl's own formatter for every catalogue message.

export type IcuParams = Record<string, string | number>;

interface State {
  src: string;
  i: number;
  params: IcuParams;
  locale: string;
}

const formatValue = (v: string | number, locale: string): string =>
  typeof v === "number" ? new Intl.NumberFormat(locale).format(v) : v;

export function formatIcu(message: string, params: IcuParams = {}, locale = "en"): string {
  const s: State = { src: message, i: 0, params, locale };
  const out = body(s, null, false, true);
  if (s.i < s.src.length) throw new Error(`Unbalanced "}" in message: ${message}`);
  return out;
}

/** Text up to the end of the message, or (nested) up to the option's closing "}". */
function body(s: State, count: number | null, nested: boolean, live: boolean): string {
  let out = "";
  while (s.i < s.src.length) {
    const c = s.src[s.i] as string;
    if (c === "}") {
      if (!nested) return out;
      s.i++;
      return out;
    }
    if (c === "'") out += quoted(s, count !== null);
    else if (c === "#" && count !== null) {
      out += live ? formatValue(count, s.locale) : "";
      s.i++;
    } else if (c === "{") {
      s.i++;
      out += argument(s, count, live);
    } else {
      out += c;
      s.i++;
    }
  }
  if (nested) throw new Error(`Unclosed "{" in message: ${s.src}`);
  return out;
}

/** ICU quoting: '' is one apostrophe; '{…}' (or '#…' in a plural) is literal text. */
function quoted(s: State, inPlural: boolean): string {
  const next = s.src[s.i + 1];
  if (next === "'") {
    s.i += 2;
    return "'";
  }
  if (next === "{" || next === "}" || (inPlural && next === "#")) {
    let out = "";
    s.i++;
    while (s.i < s.src.length) {
      if (s.src[s.i] === "'") {
        if (s.src[s.i + 1] === "'") {
          out += "'";
          s.i += 2;
          continue;
        }
        s.i++;
        return out;
      }
      out += s.src[s.i];
      s.i++;
    }
    return out;
  }
  s.i++;
  return "'";
}

function readUntil(s: State, stops: string): string {
  const start = s.i;
  while (s.i < s.src.length && !stops.includes(s.src[s.i] as string)) s.i++;
  return s.src.slice(start, s.i).trim();
}

function argument(s: State, count: number | null, live: boolean): string {
  const name = readUntil(s, ",}");
  const value = s.params[name];
  if (live && value === undefined) throw new Error(`Missing parameter {${name}}: ${s.src}`);
  if (s.src[s.i] === "}") {
    s.i++;
    return live ? formatValue(value as string | number, s.locale) : "";
  }
  s.i++;
  const type = readUntil(s, ",}");
  if (type !== "plural" && type !== "select") throw new Error(`Unsupported {${name}, ${type}}`);
  s.i++;
  const n = type === "plural" ? Number(value) : null;
  const category = n === null || !live ? null : new Intl.PluralRules(s.locale).select(n);
  // First skim the options (where each starts), then render only the chosen one: a branch
  // not taken may name parameters the caller did not pass.
  const options = new Map<string, number>();
  for (;;) {
    const selector = readUntil(s, "{}");
    if (s.i >= s.src.length) throw new Error(`Unclosed "{" in message: ${s.src}`);
    if (s.src[s.i] === "}") break;
    s.i++;
    options.set(selector, s.i);
    body(s, null, true, false);
  }
  s.i++;
  if (!live) return "";
  const start =
    type === "plural"
      ? (options.get(`=${n}`) ?? options.get(category as string) ?? options.get("other"))
      : (options.get(String(value)) ?? options.get("other"));
  if (start === undefined) throw new Error(`No "other" option for {${name}}: ${s.src}`);
  const end = s.i;
  s.i = start;
  const out = body(s, type === "plural" ? n : count, true, true);
  s.i = end;
  return out;
}
