"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { CheckProgress } from "@/components/check/check-progress";
import { useCheckStream } from "@/components/check/use-check-stream";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { localizeDates } from "@/lib/core/format-date";
import { queryKeys } from "@/lib/query/keys";
import type { CheckFreshness } from "@/lib/readiness/types";

/**
 * READY-1/2 need a fresh checker run (newer than the policy version, younger than
 * STS_CHECK_MAX_AGE_HOURS). When there is none, run one here and show its progress.
 */
export function FreshCheck({
  domain,
  check,
  canRun,
}: {
  domain: string;
  check: CheckFreshness;
  canRun: boolean;
}) {
  const t = useTranslations("enforce.fresh");
  const tr = useTranslations("readiness.summary");
  const locale = useLocale();
  const qc = useQueryClient();
  const onStored = useCallback(() => {
    void qc.invalidateQueries({ queryKey: queryKeys.enforceState(domain) });
  }, [domain, qc]);
  const { state, start } = useCheckStream(domain, onStored);
  if (check.state === "fresh" && state.phase === "idle") return null;
  const running = state.phase === "running";
  return (
    <div className="space-y-3" data-testid="fresh-check">
      {check.state !== "fresh" ? (
        <Alert tone="warn">
          <span data-testid="fresh-check-reason">
            {check.message
              ? tr(
                  check.message.key as Parameters<typeof tr>[0],
                  localizeDates(check.message.params, locale),
                )
              : check.reason}
          </span>
        </Alert>
      ) : null}
      {canRun ? (
        check.state !== "fresh" || running ? (
          <Button type="button" onClick={() => void start()} disabled={running}>
            <Play aria-hidden />
            {running ? t("running") : t("run")}
          </Button>
        ) : null
      ) : (
        <p className="text-sm text-slate-600">{t("askAdmin")}</p>
      )}
      {state.phase !== "idle" ? <CheckProgress domain={domain} state={state} /> : null}
      {state.error ? <Alert tone="bad">{state.error}</Alert> : null}
    </div>
  );
}
