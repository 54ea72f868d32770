import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { authLabelRef } from "@/lib/tlsrpt/report-auth";

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
  const t = useTranslations("reports");
  const label = authLabelRef({ channel, auth, authDomain });
  const tone = auth in TONE ? TONE[auth as keyof typeof TONE] : "neutral";
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={tone} data-testid="auth-badge">
        {t(label.key as Parameters<typeof t>[0], label.params)}
      </Badge>
      {quarantined ? (
        <Badge tone="warn" title={t("auth.quarantinedHint")}>
          {t("auth.quarantined")}
        </Badge>
      ) : null}
    </span>
  );
}
