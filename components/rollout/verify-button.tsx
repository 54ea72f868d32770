"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Runs a live verification (useVerification from lib/query/domain-mutations) and shows its error. */
export function VerifyButton({
  verify,
  label,
  pendingLabel,
}: {
  verify: UseMutationResult<unknown, Error, void>;
  label: string;
  pendingLabel: string;
}) {
  return (
    <>
      <Button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        <RefreshCw aria-hidden className={verify.isPending ? "animate-spin" : undefined} />
        {verify.isPending ? pendingLabel : label}
      </Button>
      {verify.isError ? <Alert tone="bad">{verify.error.message}</Alert> : null}
    </>
  );
}
