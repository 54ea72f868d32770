import type { Criterion } from "./types";

// The enforce dialog's override checkbox (issue 16): unmet criteria named in words, the
// id in brackets, never by id alone.

/** "A clean last week (READY-5)" for each criterion that is not met, in criterion order. */
export const unmetNames = (criteria: readonly Pick<Criterion, "id" | "title" | "status">[]) =>
  criteria.filter((c) => c.status !== "met").map((c) => `${c.title} (${c.id})`);

export function overrideLabel(unmet: readonly string[]): string {
  const what =
    unmet.length === 1
      ? `this criterion is not met: ${unmet[0]}`
      : `these criteria are not met: ${unmet.join("; ")}`;
  return `Switch although ${what}. I accept that mail may be refused.`;
}
