"use client";

import { useMutation } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { DnsVerification, RecordCheck, RecordStatus } from "@/lib/rollout/types";
import { postJson } from "./post-json";

const TONE: Record<RecordStatus, "good" | "warn" | "bad"> = {
  match: "good",
  mismatch: "warn",
  missing: "bad",
  invalid: "bad",
  error: "warn",
};

function RecordResult({ r }: { r: RecordCheck }) {
  return (
    <li
      className="space-y-1 rounded-md border border-slate-200 p-3"
      aria-label={`${r.name} result`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm">{r.name}</span>
        <Badge tone={TONE[r.status]}>{r.status}</Badge>
        {r.ttl !== null ? <span className="text-xs text-slate-500">TTL {r.ttl} s</span> : null}
      </div>
      <p className="text-xs text-slate-600">
        Found:{" "}
        {r.found.length === 0
          ? "nothing"
          : r.found.map((f) => (
              <code key={f} className="mr-2 break-all">
                {f}
              </code>
            ))}
      </p>
      {r.expected ? (
        <p className="text-xs text-slate-600">
          Expected: <code className="break-all">{r.expected}</code>
        </p>
      ) : null}
      {r.notes.map((n) => (
        <p key={n} className="text-xs text-slate-700">
          {n}
        </p>
      ))}
    </li>
  );
}

export function VerifyDnsPanel({ domain, last }: { domain: string; last: DnsVerification | null }) {
  const router = useRouter();
  const verify = useMutation({
    mutationFn: () => postJson<DnsVerification>(`/api/domains/${domain}/verify/dns`),
    onSuccess: () => router.refresh(),
  });
  const v = verify.data ?? last;
  return (
    <div className="space-y-3 p-5">
      <Button type="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
        <RefreshCw aria-hidden className={verify.isPending ? "animate-spin" : undefined} />
        {verify.isPending ? "Looking up…" : "Verify DNS records"}
      </Button>
      {verify.isError ? <Alert tone="bad">{verify.error.message}</Alert> : null}
      {v ? (
        <section aria-label="DNS result" className="space-y-2">
          <p className="text-xs text-slate-500">
            Looked up {v.at.slice(0, 19).replace("T", " ")} UTC
          </p>
          <ul className="space-y-2">
            <RecordResult r={v.sts} />
            <RecordResult r={v.tlsRpt} />
          </ul>
        </section>
      ) : (
        <p className="text-sm text-slate-600">Not verified yet.</p>
      )}
    </div>
  );
}
