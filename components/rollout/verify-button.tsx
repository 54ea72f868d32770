"use client";

import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { postJson } from "./post-json";

/** A live verification (POST /api/domains/<d>/verify/<kind>); the page refreshes after it. */
export function useVerification<T>(
  domain: string,
  kind: "dns" | "publish",
): UseMutationResult<T, Error, void> {
  const router = useRouter();
  return useMutation({
    mutationFn: () => postJson<T>(`/api/domains/${domain}/verify/${kind}`),
    onSuccess: () => router.refresh(),
  });
}

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
