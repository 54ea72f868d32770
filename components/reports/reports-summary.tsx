import { BarChart3 } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import type { DomainRecord } from "@/lib/db/domains/domains";

// Placeholder until the report dashboard lands: where the readiness verdict at a glance goes.
export function ReportsSummary({ domain }: { domain: DomainRecord }) {
  return (
    <Card>
      <CardHeader
        title="TLS reports"
        description="Daily reports from sending servers (Google, Microsoft, …) show which deliveries succeeded over TLS and which failed, per MX host."
      />
      <div className="flex items-center gap-3 px-5 py-6 text-sm text-slate-600">
        <BarChart3 aria-hidden className="size-8 text-slate-300" />
        <p>No reports for {domain.displayName} yet.</p>
      </div>
    </Card>
  );
}
