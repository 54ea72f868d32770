import type { Criterion } from "./types";

// The enforce dialog's override checkbox (issue 16): unmet criteria named in words, the
// id in brackets, never by id alone.

/** "A clean last week (READY-5)" for each criterion that is not met, in criterion order;
 * `title` gives the words (the UI passes the translated title). */
export const unmetNames = <C extends Pick<Criterion, "id" | "title" | "status">>(
  criteria: readonly C[],
  title: (c: C) => string = (c) => c.title,
) => criteria.filter((c) => c.status !== "met").map((c) => `${title(c)} (${c.id})`);

export function overrideLabel(unmet: readonly string[]): string {
  const what =
    unmet.length === 1
      ? `this criterion is not met: ${unmet[0]}`
      : `these criteria are not met: ${unmet.join("; ")}`;
  return `Switch although ${what}. I accept that mail may be refused.`;
}
