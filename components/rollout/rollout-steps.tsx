import { FileText, Globe2, Search, UploadCloud } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { DomainRecord } from "@/lib/db/domains/domains";
import type { RolloutState } from "@/lib/rollout/step-state";
import { StepBadge } from "./step-badge";

const STEPS = [
  {
    n: 1,
    slug: "check",
    key: "check",
    title: "Check the current configuration",
    icon: Search,
    text: "DNS records, the policy host and every MX host's STARTTLS and certificate, probed live.",
  },
  {
    n: 2,
    slug: "policy",
    key: "policy",
    title: "Create a policy",
    icon: FileText,
    text: "A policy in testing mode, pre-filled from your MX records.",
  },
  {
    n: 3,
    slug: "publish",
    key: "publish",
    title: "Publish the policy",
    icon: UploadCloud,
    text: "Serve it at https://mta-sts.<domain>/.well-known/mta-sts.txt, hosted here or on your own server.",
  },
  {
    n: 4,
    slug: "dns",
    key: "dns",
    title: "Add the DNS records",
    icon: Globe2,
    text: "The _mta-sts and _smtp._tls TXT records, verified live.",
  },
] as const satisfies readonly { key: keyof RolloutState; [k: string]: unknown }[];

// Each badge comes from stored data and the latest live verification (lib/rollout/step-state);
// the page loads them and passes the state down.
export function RolloutSteps({ domain, state }: { domain: DomainRecord; state: RolloutState }) {
  return (
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
                <h3 className="font-medium">
                  <Link href={`/domains/${domain.name}/${s.slug}`} className="hover:underline">
                    {s.title}
                  </Link>
                </h3>
                <StepBadge status={state[s.key].status} />
              </div>
              <p className="mt-1 text-sm text-slate-600">{s.text}</p>
              <p className="mt-1 text-sm text-slate-800">{state[s.key].summary}</p>
            </div>
            <s.icon aria-hidden className="mt-1 hidden size-5 text-slate-400 sm:block" />
          </li>
        ))}
      </ol>
    </Card>
  );
}
