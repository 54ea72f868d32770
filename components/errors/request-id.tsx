"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext } from "react";

// The id proxy.ts gave the request that rendered this page (the root layout passes it down),
// shown on the error pages so a report of a failure can be matched to the server's log.
const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({
  requestId,
  children,
}: {
  requestId: string | null;
  children?: React.ReactNode;
}) {
  return <RequestIdContext.Provider value={requestId}>{children}</RequestIdContext.Provider>;
}

/** "Request id … · error …": what to quote to whoever runs this installation. */
export function ErrorReference({ digest }: { digest?: string | undefined }) {
  const requestId = useContext(RequestIdContext);
  return <RequestReference requestId={requestId} digest={digest} />;
}

const code = (chunks: React.ReactNode) => <code className="font-mono">{chunks}</code>;

/** The reference in the request's language (inside the root layout's messages provider). */
export function RequestReference({
  requestId,
  digest,
}: {
  requestId: string | null;
  digest?: string | undefined;
}) {
  const t = useTranslations("ui.reference");
  if (!requestId && !digest) return null;
  return (
    <p className="text-xs text-slate-500" data-testid="request-reference">
      {requestId && digest
        ? t.rich("both", { requestId, digest, code })
        : requestId
          ? t.rich("request", { requestId, code })
          : t.rich("digest", { digest: digest ?? "", code })}
    </p>
  );
}
