// What the Policy step says about the live MX lookup (issue 16: "No MX records were found"
// beside "Done" and a policy listing two MX hosts). With a policy saved, an empty lookup is
// a DNS problem to check, not a reason to add MX records "before publishing a policy".
import type { MessageRef } from "@/lib/i18n/message-ref";
import { NO_MX_KEY, type MxProposal } from "@/lib/mta-sts/propose";

/** The notes in English and, index for index, as refs of the "diagnostics" namespace. */
export type LiveMxNotes = Pick<MxProposal, "notes" | "noteRefs">;

export function liveMxNotes(
  liveMx: readonly string[] | null,
  proposal: MxProposal | null,
  policy: { policyId: string; mx: readonly string[] } | null,
): LiveMxNotes {
  if (proposal === null) return { notes: [], noteRefs: [] };
  if (liveMx === null || liveMx.length > 0 || policy === null || policy.mx.length === 0)
    return { notes: proposal.notes, noteRefs: proposal.noteRefs };
  const hosts = policy.mx.join(", ");
  const kept = proposal.noteRefs.flatMap((ref, i) =>
    ref.key === NO_MX_KEY ? [] : [{ text: proposal.notes[i] ?? "", ref }],
  );
  return {
    notes: [
      `The live lookup found no MX records, while policy ${policy.policyId} lists ${hosts}. Senders deliver only to MX hosts: check the domain's MX records in DNS. The policy itself is unchanged.`,
      ...kept.map((n) => n.text),
    ],
    noteRefs: [
      { key: "mxAdvice.noLiveMx", params: { policyId: policy.policyId, hosts } },
      ...kept.map((n): MessageRef => n.ref),
    ],
  };
}
