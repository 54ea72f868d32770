// Issue 16: the enforce dialog names unmet READY criteria in words, the id in brackets.
import { describe, expect, it } from "vitest";
import { overrideLabel, unmetNames } from "./override-label";

describe("the enforce override names unmet criteria (issue 16, READY-1..7)", () => {
  const criteria = [
    {
      id: "READY-1",
      title: "No checker errors (DNS, policy host, policy, TLS-RPT)",
      status: "not-met",
    },
    { id: "READY-2", title: "Every MX passes STARTTLS and certificate checks", status: "met" },
    { id: "READY-5", title: "A clean last week", status: "unknown" },
  ] as const;

  it("lists each criterion not met by title and id", () => {
    expect(overrideLabel(unmetNames(criteria))).toBe(
      "Switch although these criteria are not met: No checker errors (DNS, policy host, policy, TLS-RPT) (READY-1); A clean last week (READY-5). I accept that mail may be refused.",
    );
  });

  it("one criterion reads in the singular", () => {
    expect(overrideLabel(unmetNames(criteria.slice(2)))).toBe(
      "Switch although this criterion is not met: A clean last week (READY-5). I accept that mail may be refused.",
    );
  });
});
