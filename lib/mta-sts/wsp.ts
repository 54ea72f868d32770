// WSP (space and tab, RFC 5234) trimming in linear time. Issue 11: `/[ \t]+$/` and
// `/[ \t]*,[ \t]*/` restart the match at every position of a whitespace run, so 64 KiB of
// crafted whitespace cost seconds; these loops look at each character at most once.

const isWsp = (c: number) => c === 0x20 || c === 0x09;

/** `s` without leading spaces and tabs (same as s.replace(/^[ \t]+/, "")). */
export function trimWspStart(s: string): string {
  let i = 0;
  while (i < s.length && isWsp(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

/** `s` without trailing spaces and tabs (same as s.replace(/[ \t]+$/, "")). */
export function trimWspEnd(s: string): string {
  let e = s.length;
  while (e > 0 && isWsp(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

export const trimWsp = (s: string): string => trimWspEnd(trimWspStart(s));

/** `s.split(/[ \t]*,[ \t]*\/)`: split at commas, dropping the WSP next to each comma. */
export function splitWspComma(s: string): string[] {
  const parts = s.split(",");
  if (parts.length === 1) return parts;
  return parts.map((p, i) => {
    const head = i === 0 ? p : trimWspStart(p);
    return i === parts.length - 1 ? head : trimWspEnd(head);
  });
}
