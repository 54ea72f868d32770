import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ReceivedDetail } from "@/lib/db/reports/received";
import type { RawText } from "@/lib/ingest/raw-text";
import { AuthBadge } from "./auth-badge";
import { countNotes } from "@/lib/tlsrpt/count-notes";
import { period, utcMinute } from "./format";
import { useReaderText } from "./reader-text";
import { useChannelLabel } from "./use-channel-label";
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
  const t = useTranslations("reports.detail");
  const locale = useLocale();
  const channelLabel = useChannelLabel();
  const reader = useReaderText();
  return (
    <div className="space-y-4">
      <Link
        href={`/domains/${encodeURIComponent(domain)}/reports/received`}
        className="text-sm text-brand-700 hover:underline"
      >
        {t("all")}
      </Link>
      <Card>
        <CardHeader
          title={<span data-testid="report-organization">{r.organization}</span>}
          description={t("reportId", { id: r.reportId })}
          actions={r.conflict ? <Badge tone="warn">{t("conflict")}</Badge> : null}
        />
        <dl className="grid gap-x-6 gap-y-2 px-5 py-4 text-sm sm:grid-cols-2">
          <Field label={t("reporter")}>{r.reporterKey}</Field>
          <Field label={t("contact")}>{r.contactInfo ?? t("noContact")}</Field>
          <Field label={t("period")}>{period(r.start, r.end, locale)}</Field>
          <Field label={t("received")}>
            {t("receivedBy", {
              when: utcMinute(r.receivedAt, locale),
              channel: channelLabel(r.channel),
            })}
          </Field>
          <Field label={t("auth")}>
            <AuthBadge {...r} />
          </Field>
          <Field label={t("sessions")}>
            {t("sessionsValue", { ok: r.successful, failed: r.failed })}
          </Field>
          <Field label={t("hash")}>
            <code className="break-all text-xs">{r.contentHash}</code>
          </Field>
        </dl>
      </Card>

      <Card>
        <CardHeader title={t("warnings")} description={t("warningsHint")} />
        <div className="px-5 py-4">
          {r.warnings.length === 0 ? (
            <p className="text-sm text-slate-600">{t("none")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {r.warnings.map((w, i) => (
                <li key={i}>
                  <Badge tone={w.severity === "info" ? "info" : "warn"}>{w.id}</Badge>{" "}
                  {reader.warning(w)}
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
            title={t("policy", { n: i + 1, type: p.policyType })}
            description={t("policyHint", { ok: p.successfulCount, failed: p.failedCount })}
          />
          <div className="space-y-3 px-5 py-4 text-sm">
            {p.policyStrings.length > 0 ? (
              <CodeBlock
                label={t("policyAsSeen", { n: i + 1 })}
                className="rounded bg-slate-50 p-3 text-xs"
              >
                {p.policyStrings.join("\n")}
              </CodeBlock>
            ) : null}
            {p.mxHosts.length > 0 ? <p>{t("mxHosts", { hosts: p.mxHosts.join(", ") })}</p> : null}
            {p.failures.length > 0 ? (
              <ScrollRegion label={t("failureDetails", { n: i + 1 })}>
                <table
                  className="w-full text-left text-xs"
                  aria-label={t("failureDetails", { n: i + 1 })}
                >
                  <thead className="text-slate-500">
                    <tr>
                      <th className="py-1 pr-3 font-medium">{t("resultType")}</th>
                      <th className="py-1 pr-3 font-medium">{t("receivingMx")}</th>
                      <th className="py-1 pr-3 font-medium">{t("sendingIp")}</th>
                      <th className="py-1 pr-3 font-medium">{t("receivingIp")}</th>
                      <th className="py-1 pr-3 text-right font-medium">{t("sessionsCol")}</th>
                      <th className="py-1 pr-3 font-medium">{t("reasonCode")}</th>
                      <th className="py-1 font-medium">{t("additionalInfo")}</th>
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
                          {formatCount(f.failedSessionCount, locale)}
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
              <p className="text-slate-600">{t("noFailures")}</p>
            )}
          </div>
        </Card>
      ))}

      <Card>
        <CardHeader
          title={t("raw")}
          description={t(raw?.kind === "gzip" ? "rawHintGzip" : "rawHint", { bytes: r.rawSize })}
        />
        <div className="px-5 py-4">
          {raw ? (
            <>
              <CodeBlock
                label={t("raw")}
                data-testid="raw-report"
                className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-3 text-xs"
              >
                {raw.text}
              </CodeBlock>
              {raw.truncated ? (
                <p className="mt-2 text-xs text-slate-500">{t("shortened")}</p>
              ) : null}
            </>
          ) : (
            <Alert tone="info">
              <span data-testid="raw-missing">
                {r.rawState === "pruned" ? t("pruned") : t("tooBig")}
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
  const t = useTranslations("reports.detail");
  const reader = useReaderText();
  const notes = countNotes(report.policies, report.warnings);
  if (notes.length === 0) return null;
  return (
    <Card>
      <CardHeader title={t("notesTitle")} description={t("notesHint")} />
      <ul className="space-y-2 px-5 py-4 text-sm" data-testid="count-notes">
        {notes.map((n, i) => (
          <li key={i}>
            <Badge tone="info">{n.id}</Badge> {reader.note(n)}
          </li>
        ))}
      </ul>
    </Card>
  );
}
