"use client";

import { useMutation } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PublishVerification } from "@/lib/rollout/types";
import { DiffView } from "./diff-view";
import { postJson } from "./post-json";

export function VerifyPublishPanel({
  domain,
  last,
}: {
  domain: string;
  last: PublishVerification | null;
}) {
  const router = useRouter();
  const verify = useMutation({
    mutationFn: () => postJson<PublishVerification>(`/api/domains/${domain}/verify/publish`),
    onSuccess: () => router.refresh(),
  });
  const v = verify.data ?? last;
  return (
    <div className="space-y-3 p-5">
      <Button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        <RefreshCw aria-hidden className={verify.isPending ? "animate-spin" : undefined} />
        {verify.isPending ? "Fetching…" : "Verify publication"}
      </Button>
      {verify.isError ? <Alert tone="bad">{verify.error.message}</Alert> : null}
      {v ? (
        <section aria-label="Publication result" className="space-y-2 text-sm">
          {v.ok ? (
            <Alert tone="good">
              Served byte for byte: version {v.policyId} at {v.url}.
            </Alert>
          ) : (
            <Alert tone="warn">
              <ul className="list-disc pl-4">
                {v.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          )}
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
            <dt className="text-slate-500">Checked</dt>
            <dd>
              {v.at.slice(0, 19).replace("T", " ")} UTC{v.address ? ` · ${v.address}` : ""}
            </dd>
            <dt className="text-slate-500">Status</dt>
            <dd className="font-mono">{v.statusLine ?? "—"}</dd>
            <dt className="text-slate-500">Content-Type</dt>
            <dd className="font-mono">{v.contentType ?? "—"}</dd>
            <dt className="text-slate-500">Certificate</dt>
            <dd className="break-all">{v.certificate ?? "—"}</dd>
          </dl>
          {v.diff.length > 0 ? (
            <div className="space-y-1">
              <p className="font-medium">Current version (-) and what the host serves (+):</p>
              <DiffView lines={v.diff} label="Served policy differences" />
            </div>
          ) : null}
        </section>
      ) : (
        <p className="text-sm text-slate-600">Not verified yet.</p>
      )}
    </div>
  );
}
