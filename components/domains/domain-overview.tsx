import { BarChart3, CircleDashed, FileText, Globe2, Search, UploadCloud } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { DomainRecord } from "@/lib/db/domains/domains";

const STEPS = [
  {
    n: 1,
    title: "Check the current configuration",
    icon: Search,
    text: "DNS records, the policy host and every MX host's STARTTLS and certificate, probed live.",
  },
  {
    n: 2,
    title: "Create a policy",
    icon: FileText,
    text: "A policy in testing mode, pre-filled from your MX records.",
  },
  {
    n: 3,
    title: "Publish the policy",
    icon: UploadCloud,
    text: "Serve it at https://mta-sts.<domain>/.well-known/mta-sts.txt, hosted here or on your own server.",
  },
  {
    n: 4,
    title: "Add the DNS records",
    icon: Globe2,
    text: "The _mta-sts and _smtp._tls TXT records, verified live.",
  },
] as const;

export function DomainOverview({ domain, canEdit }: { domain: DomainRecord; canEdit: boolean }) {
  return (
    <div className="space-y-6">
      <div>
        <Link href="/domains" className="text-sm text-brand-700 hover:underline">
          ← Domains
        </Link>
        <h1 className="mt-1 text-2xl font-semibold break-all">{domain.displayName}</h1>
        {domain.displayName !== domain.name ? (
          <p className="font-mono text-xs text-slate-500">{domain.name}</p>
        ) : null}
        {!canEdit ? (
          <p className="mt-2 text-sm text-slate-600">You have read-only access to this domain.</p>
        ) : null}
      </div>
      <Card>
        <CardHeader
          title="Rollout"
          description="Four steps to a published policy in testing mode. Each step's status comes from live checks, not from button clicks."
        />
        <ol className="divide-y divide-slate-100">
          {STEPS.map((s) => (
            <li key={s.n} className="flex gap-4 px-5 py-4">
              <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700">
                {s.n}
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-medium">{s.title}</h3>
                  <Badge tone="neutral">
                    <CircleDashed aria-hidden />
                    Not started
                  </Badge>
                </div>
                <p className="mt-1 text-sm text-slate-600">{s.text}</p>
                <p className="mt-1 text-xs text-slate-500">
                  Coming next: this step is being built.
                </p>
              </div>
              <s.icon aria-hidden className="mt-1 hidden size-5 text-slate-400 sm:block" />
            </li>
          ))}
        </ol>
      </Card>
      <Card>
        <CardHeader
          title="TLS reports"
          description="Daily reports from sending servers (Google, Microsoft, …) show which deliveries succeeded over TLS and which failed, per MX host."
        />
        <div className="flex items-center gap-3 px-5 py-6 text-sm text-slate-600">
          <BarChart3 aria-hidden className="size-8 text-slate-300" />
          <p>
            Coming next: report ingestion, charts per MX host and the verdict on whether this domain
            is ready to enforce.
          </p>
        </div>
      </Card>
    </div>
  );
}
