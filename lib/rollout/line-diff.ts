import type { DiffLine } from "./types";

/** Split a policy body into lines, keeping a visible mark for a CR or a missing final EOL. */
export function bodyLines(body: string): string[] {
  if (body === "") return [];
  const parts = body.split("\n");
  const last = parts.pop();
  const lines = parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : `${l}⏎(LF only)`));
  if (last !== undefined && last !== "") lines.push(`${last}⏎(no line ending)`);
  return lines.map((l) => l.replace(/\r/g, "␍"));
}

/**
 * Line diff (longest common subsequence) of two bodies, in order. Policies are a few lines,
 * so the quadratic table is cheap; bodies are capped by the caller.
 */
export function lineDiff(from: string, to: string): DiffLine[] {
  const a = bodyLines(from);
  const b = bodyLines(to);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] ?? [];
      row[j] =
        a[i] === b[j]
          ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && y !== undefined && x === y) {
      out.push({ kind: "same", text: x });
      i++;
      j++;
    } else if (
      y === undefined ||
      (x !== undefined && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))
    ) {
      out.push({ kind: "removed", text: x ?? "" });
      i++;
    } else {
      out.push({ kind: "added", text: y });
      j++;
    }
  }
  return out;
}

/** Unified-style text: "  same", "- removed", "+ added". */
export const diffText = (lines: readonly DiffLine[]): string =>
  lines
    .map((l) => `${l.kind === "same" ? " " : l.kind === "removed" ? "-" : "+"} ${l.text}`)
    .join("\n");
