// Issue 16: the Policy step never says "No MX records were found: add MX records before
// publishing a policy" beside a saved policy that lists MX hosts.
import { describe, expect, it } from "vitest";
import { NO_MX_NOTE, proposeMxPatterns } from "@/lib/mta-sts/propose";
import { liveMxNotes } from "./live-mx-notes";

const policy = { policyId: "20261101T000000", mx: ["mx1.example.com", "mx2.example.com"] };

describe("liveMxNotes (issue 16)", () => {
  it("with a saved policy, an empty lookup names the policy's hosts and asks to check DNS", () => {
    expect(liveMxNotes([], proposeMxPatterns([]), policy)).toEqual({
      notes: [
        "The live lookup found no MX records, while policy 20261101T000000 lists mx1.example.com, mx2.example.com. Senders deliver only to MX hosts: check the domain's MX records in DNS. The policy itself is unchanged.",
      ],
      noteRefs: [
        {
          key: "mxAdvice.noLiveMx",
          params: { policyId: "20261101T000000", hosts: "mx1.example.com, mx2.example.com" },
        },
      ],
    });
  });

  it("without a policy, the proposal's own note stands", () => {
    expect(liveMxNotes([], proposeMxPatterns([]), null)).toEqual({
      notes: [NO_MX_NOTE],
      noteRefs: [{ key: "mxAdvice.noMx" }],
    });
  });

  it("with live MX hosts, the proposal's notes are shown as they are", () => {
    const proposal = proposeMxPatterns(["mx1.example.com", "."]);
    expect(liveMxNotes(["mx1.example.com", "."], proposal, policy)).toEqual({
      notes: proposal.notes,
      noteRefs: [{ key: "mxAdvice.nullBeside" }],
    });
    expect(proposal.notes).toHaveLength(1);
  });
});
