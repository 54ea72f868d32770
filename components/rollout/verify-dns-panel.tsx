"use client";

import { useVerification } from "@/lib/query/domain-mutations";
import { VerifyButton } from "./verify-button";
import { Badge } from "@/components/ui/badge";
import type { DnsVerification, RecordCheck, RecordStatus } from "@/lib/rollout/types";

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
  const verify = useVerification<DnsVerification>(domain, "dns");
  const v = verify.data ?? last;
  return (
    <div className="space-y-3 p-5">
      <VerifyButton verify={verify} label="Verify DNS records" pendingLabel="Looking up…" />
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
