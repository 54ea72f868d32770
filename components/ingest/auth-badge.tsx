import { Badge } from "@/components/ui/badge";
import { authLabel } from "@/lib/tlsrpt/report-auth";

// RPT-DELIV-7: a report's authentication as text ("DKIM pass google.com", "DKIM fail",
// "unsigned", "HTTPS, unauthenticated"); d= comes from the message, rendered as text.
const TONE = { pass: "good", unaligned: "bad", fail: "bad", none: "warn" } as const;

export function AuthBadge({
  channel,
  auth,
  authDomain,
  quarantined,
}: {
  channel: string;
  auth: string;
  authDomain: string | null;
  quarantined: boolean;
}) {
  const tone = auth in TONE ? TONE[auth as keyof typeof TONE] : "neutral";
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={tone} data-testid="auth-badge">
        {authLabel({ channel, auth, authDomain })}
      </Badge>
      {quarantined ? (
        <Badge tone="warn" title="Outside the verdict until an admin accepts the reporter">
          quarantined
        </Badge>
      ) : null}
    </span>
  );
}
