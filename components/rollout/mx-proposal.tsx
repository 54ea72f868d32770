import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import type { MxProposal } from "@/lib/mta-sts/propose";

/** What the live MX records are, and what the standards core proposes from them. */
export function MxProposalCard({
  liveMx,
  proposal,
  notes,
  hasPolicy,
}: {
  liveMx: string[] | null;
  proposal: MxProposal | null;
  /** liveMxNotes: the proposal's notes, read against the saved policy (issue 16). */
  notes: string[];
  hasPolicy: boolean;
}) {
  return (
    <Card>
      <CardHeader
        title="Live MX records"
        description={
          hasPolicy
            ? "Looked up now, to compare with the current policy; the form below starts from the policy."
            : "Looked up now; the form below starts from them."
        }
      />
      <div className="space-y-3 p-5 text-sm">
        {liveMx === null ? (
          <Alert tone="warn">
            The MX lookup failed; enter the patterns by hand or reload to try again.
          </Alert>
        ) : (
          <ul aria-label="Live MX hosts" className="font-mono">
            {liveMx.length === 0 ? <li>(none)</li> : liveMx.map((h) => <li key={h}>{h}</li>)}
          </ul>
        )}
        {proposal?.provider ? (
          <p>
            Recognised provider: <strong>{proposal.provider.name}</strong>
          </p>
        ) : null}
        {proposal && proposal.patterns.length > 0 ? (
          <p>
            Proposed patterns: <span className="font-mono">{proposal.patterns.join(", ")}</span>
          </p>
        ) : null}
        {notes.map((n) => (
          <Alert key={n} tone="info">
            {n}
          </Alert>
        ))}
      </div>
    </Card>
  );
}
