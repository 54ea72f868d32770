import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import type { MxProposal } from "@/lib/mta-sts/propose";
import type { LiveMxNotes } from "@/lib/rollout/live-mx-notes";

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
  notes: LiveMxNotes;
  hasPolicy: boolean;
}) {
  const t = useTranslations("wizard.policy");
  const td = useTranslations("diagnostics");
  // Issue 16 §6: each note from its ref, in the user's language; the English if a key is gone.
  const shown = notes.notes.map((text, i) => {
    const ref = notes.noteRefs[i];
    const key = ref?.key as Parameters<typeof td>[0] | undefined;
    return ref && key && td.has(key) ? td(key, ref.params) : text;
  });
  return (
    <Card>
      <CardHeader
        title={t("liveTitle")}
        description={hasPolicy ? t("liveHintPolicy") : t("liveHint")}
      />
      <div className="space-y-3 p-5 text-sm">
        {liveMx === null ? (
          <Alert tone="warn">{t("lookupFailed")}</Alert>
        ) : (
          <ul aria-label={t("liveHosts")} className="font-mono">
            {liveMx.length === 0 ? <li>{t("none")}</li> : liveMx.map((h) => <li key={h}>{h}</li>)}
          </ul>
        )}
        {proposal?.provider ? (
          <p>
            {t.rich("provider", {
              name: proposal.provider.name,
              b: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
        ) : null}
        {proposal && proposal.patterns.length > 0 ? (
          <p>
            {t.rich("proposed", {
              patterns: proposal.patterns.join(", "),
              mono: (chunks) => <span className="font-mono">{chunks}</span>,
            })}
          </p>
        ) : null}
        {shown.map((n) => (
          <Alert key={n} tone="info">
            {n}
          </Alert>
        ))}
      </div>
    </Card>
  );
}
