// What the Policy step says about the live MX lookup (issue 16: "No MX records were found"
// beside "Done" and a policy listing two MX hosts). With a policy saved, an empty lookup is
// a DNS problem to check, not a reason to add MX records "before publishing a policy".
import { NO_MX_NOTE, type MxProposal } from "@/lib/mta-sts/propose";

export function liveMxNotes(
  liveMx: readonly string[] | null,
  proposal: MxProposal | null,
  policy: { policyId: string; mx: readonly string[] } | null,
): string[] {
  if (proposal === null) return [];
  if (liveMx === null || liveMx.length > 0 || policy === null || policy.mx.length === 0)
    return proposal.notes;
  return [
    `The live lookup found no MX records, while policy ${policy.policyId} lists ${policy.mx.join(", ")}. Senders deliver only to MX hosts: check the domain's MX records in DNS. The policy itself is unchanged.`,
    ...proposal.notes.filter((n) => n !== NO_MX_NOTE),
  ];
}
