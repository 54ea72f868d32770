import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ReceivedDetail } from "@/lib/db/reports/received";
import type { RawText } from "@/lib/ingest/raw-text";
import { AuthBadge } from "./auth-badge";
import { countNotes } from "@/lib/tlsrpt/count-notes";
import { CHANNEL_LABEL, period, utcMinute } from "./format";
import { formatCount } from "@/lib/core/format-number";
import { CodeBlock, ScrollRegion } from "@/components/ui/scroll-region";

// Report content is untrusted (RPT-ING-2): every value is rendered as React text, the raw
// bytes inside a <pre>; nothing here uses dangerouslySetInnerHTML or builds links from it.
export function ReportDetail({
  domain,
  report: r,
  raw,
}: {
  domain: string;
  report: ReceivedDetail;
  raw: RawText | null;
}) {
  return (
    <div className="space-y-4">
      <Link
        href={`/domains/${encodeURIComponent(domain)}/reports/received`}
        className="text-sm text-brand-700 hover:underline"
      >
        ← All received reports
      </Link>
      <Card>
        <CardHeader
          title={<span data-testid="report-organization">{r.organization}</span>}
          description={`Report ${r.reportId}`}
          actions={
            r.conflict ? <Badge tone="warn">conflict: same id, different content</Badge> : null
          }
        />
        <dl className="grid gap-x-6 gap-y-2 px-5 py-4 text-sm sm:grid-cols-2">
          <Field label="Reporter">{r.reporterKey}</Field>
          <Field label="Contact">{r.contactInfo ?? "none given"}</Field>
          <Field label="Period (UTC)">{period(r.start, r.end)}</Field>
          <Field label="Received">
            {utcMinute(r.receivedAt)} by {CHANNEL_LABEL[r.channel] ?? r.channel}
          </Field>
          <Field label="Authentication">
            <AuthBadge {...r} />
          </Field>
          <Field label="Sessions for this domain">
            {formatCount(r.successful)} ok, {formatCount(r.failed)} failed
          </Field>
          <Field label="Content hash">
            <code className="break-all text-xs">{r.contentHash}</code>
          </Field>
        </dl>
      </Card>

      <Card>
        <CardHeader
          title="Warnings"
          description="What was odd about this report when it was read."
        />
        <div className="px-5 py-4">
          {r.warnings.length === 0 ? (
            <p className="text-sm text-slate-600">None.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {r.warnings.map((w, i) => (
                <li key={i}>
                  <Badge tone={w.severity === "info" ? "info" : "warn"}>{w.id}</Badge> {w.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>

      <CountNotes report={r} />

      {r.policies.map((p, i) => (
        <Card key={i}>
          <CardHeader
            title={`Policy ${i + 1}: ${p.policyType}`}
            description={`${formatCount(p.successfulCount)} successful, ${formatCount(p.failedCount)} failed sessions`}
          />
          <div className="space-y-3 px-5 py-4 text-sm">
            {p.policyStrings.length > 0 ? (
              <CodeBlock
                label={`Policy ${i + 1} as the reporter saw it`}
                className="rounded bg-slate-50 p-3 text-xs"
              >
                {p.policyStrings.join("\n")}
              </CodeBlock>
            ) : null}
            {p.mxHosts.length > 0 ? <p>MX hosts: {p.mxHosts.join(", ")}</p> : null}
            {p.failures.length > 0 ? (
              <ScrollRegion label={`Failure details, policy ${i + 1}`}>
                <table
                  className="w-full text-left text-xs"
                  aria-label={`Failure details, policy ${i + 1}`}
                >
                  <thead className="text-slate-500">
                    <tr>
                      <th className="py-1 pr-3 font-medium">Result type</th>
                      <th className="py-1 pr-3 font-medium">Receiving MX</th>
                      <th className="py-1 pr-3 font-medium">Sending IP</th>
                      <th className="py-1 pr-3 font-medium">Receiving IP</th>
                      <th className="py-1 pr-3 text-right font-medium">Sessions</th>
                      <th className="py-1 pr-3 font-medium">Reason code</th>
                      <th className="py-1 font-medium">Additional information</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {p.failures.map((f, j) => (
                      <tr key={j}>
                        <td className="py-1 pr-3">{f.resultType}</td>
                        <td className="py-1 pr-3">{f.receivingMxHostname ?? "—"}</td>
                        <td className="py-1 pr-3">{f.sendingMtaIp ?? "—"}</td>
                        <td className="py-1 pr-3">{f.receivingIp ?? "—"}</td>
                        <td className="py-1 pr-3 text-right tabular-nums">
                          {formatCount(f.failedSessionCount)}
                        </td>
                        <td className="py-1 pr-3 break-all" data-testid="failure-reason">
                          {f.failureReasonCode ?? "—"}
                        </td>
                        <td className="py-1 break-all">{f.additionalInformation ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ) : (
              <p className="text-slate-600">No failure details.</p>
            )}
          </div>
        </Card>
      ))}

      <Card>
        <CardHeader
          title="Raw report"
          description={`${formatCount(r.rawSize)} bytes as received${raw?.kind === "gzip" ? " (gzip, shown decompressed)" : ""}.`}
        />
        <div className="px-5 py-4">
          {raw ? (
            <>
              <CodeBlock
                label="Raw report"
                data-testid="raw-report"
                className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-3 text-xs"
              >
                {raw.text}
              </CodeBlock>
              {raw.truncated ? (
                <p className="mt-2 text-xs text-slate-500">Shortened for display.</p>
              ) : null}
            </>
          ) : (
            <Alert tone="info">
              <span data-testid="raw-missing">
                {r.rawState === "pruned"
                  ? "The raw input was pruned after the retention period (STS_RAW_RETENTION_DAYS); the figures above are kept."
                  : "The raw bytes were over the 1 MiB audit limit and were not kept."}
              </span>
            </Alert>
          )}
        </div>
      </Card>
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs uppercase text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** Issue 15 item 6: where a reporter's quirk changed a count, say so. */
function CountNotes({ report }: { report: ReceivedDetail }) {
  const notes = countNotes(report.policies, report.warnings);
  if (notes.length === 0) return null;
  return (
    <Card>
      <CardHeader title="How the counts were read" description="Where a quirk changed a count." />
      <ul className="space-y-2 px-5 py-4 text-sm" data-testid="count-notes">
        {notes.map((n, i) => (
          <li key={i}>
            <Badge tone="info">{n.id}</Badge> {n.message}
          </li>
        ))}
      </ul>
    </Card>
  );
}
