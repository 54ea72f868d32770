// An RFC 5322 message (.eml) → the TLS reports attached to it (RPT-DELIV-4/5, RPT-QUIRK-10).
// MIME parsing is mailparser's; we pick the report parts by media type, filename and bytes.
import { simpleParser, type Attachment, type ParsedMail } from "mailparser";
import { err, ok, type Result } from "../core/diagnostic";
import { InputBudget } from "./budget";
import { limitsOf, MAX_COMPRESSED, readReport } from "./read-report";
import { inAttachment, refusal } from "./refusal-text";
import { sniff } from "./sniff";
import type {
  EmailMeta,
  NormalizedReport,
  ReadHints,
  ReadOutcome,
  RejectedAttachment,
  ReportError,
} from "./types";

/** mox caps report messages at 15 MB (RPT-ING-1); base64 makes a 10 MiB report ~13.5 MiB. */
export const MAX_MESSAGE = 15 * 1024 * 1024;
const MAX_NESTING = 3;

export interface EmailOptions extends Omit<ReadHints, "headerDomain" | "submitter" | "filename"> {
  maxMessage?: number;
}

const REPORT_TYPES = new Set(["application/tlsrpt+gzip", "application/tlsrpt+json"]);
// Types reporters have used for reports by mistake (RPT-QUIRK-10); content decides.
const MAYBE_TYPES = new Set([
  "application/gzip",
  "application/x-gzip",
  "application/json",
  "application/octet-stream",
  "text/json",
  "text/plain",
]);

function headerText(mail: ParsedMail, name: string): string | null {
  const v = mail.headers.get(name);
  if (typeof v !== "string") return null;
  const s = v.replace(/\s+/g, " ").trim().toLowerCase();
  return s === "" ? null : s;
}

export async function readReportEmail(
  bytes: Uint8Array,
  opts: EmailOptions = {},
): Promise<Result<ReadOutcome, ReportError>> {
  const maxMessage = opts.maxMessage ?? Math.max(MAX_MESSAGE, opts.maxCompressed ?? MAX_COMPRESSED);
  if (bytes.length > maxMessage) {
    return err(
      refusal("too-large", "messageTooBig", {
        size: String(bytes.length),
        limit: String(maxMessage),
      }),
    );
  }
  let mail: ParsedMail;
  try {
    mail = await parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    return err(
      e instanceof Error
        ? refusal("bad-email", "badEmail", { detail: e.message })
        : refusal("bad-email", "badEmailUnknown"),
    );
  }
  const email: EmailMeta = {
    messageId: typeof mail.messageId === "string" ? mail.messageId : null,
    reportDomain: headerText(mail, "tls-report-domain"),
    reportSubmitter: headerText(mail, "tls-report-submitter"),
    subject: typeof mail.subject === "string" ? mail.subject : null,
  };
  const reports: NormalizedReport[] = [];
  const rejected: RejectedAttachment[] = [];
  // Issue 11: one budget for the whole message, forwarded messages inside it included.
  const budget = new InputBudget(limitsOf(opts));
  await collect(mail, { email, opts, budget, reports, rejected }, 0);
  if (budget.overrun) return err(budget.overrun);
  if (reports.length === 0) {
    const first = rejected[0];
    if (first) return err(inAttachment(first.filename, first.error));
    return err(refusal("no-report", "noReport"));
  }
  // RPT-DELIV-5: the headers are required, but a missing one is a warning, not a refusal.
  for (const r of reports) {
    const missing = [
      !email.reportDomain && "TLS-Report-Domain",
      !email.reportSubmitter && "TLS-Report-Submitter",
    ].filter(Boolean);
    if (missing.length > 0) {
      r.warnings.push({
        id: "RPT-DELIV-5",
        severity: "warning",
        message: `the message has no ${missing.join(" or ")} header`,
        ref: {
          key: "warnings.noHeader",
          params: {
            which: missing.length === 2 ? "both" : email.reportDomain ? "submitter" : "domain",
          },
        },
      });
    }
  }
  return ok({ reports, source: "eml", email, rejected });
}

function parse(buf: Buffer): Promise<ParsedMail> {
  return simpleParser(buf, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
  });
}

interface Collected {
  email: EmailMeta;
  opts: EmailOptions;
  budget: InputBudget;
  reports: NormalizedReport[];
  rejected: RejectedAttachment[];
}

/** Reads the attachments in order; stops at the first budget overrun (budget.overrun). */
async function collect(mail: ParsedMail, c: Collected, depth: number): Promise<void> {
  const { email, opts, budget, reports, rejected } = c;
  for (const a of mail.attachments ?? []) {
    if (budget.chargeAttachment()) return;
    // mailparser passes broken headers through: do not trust the field types.
    const type = typeof a.contentType === "string" ? a.contentType.toLowerCase() : "";
    if (!Buffer.isBuffer(a.content)) continue;
    const filename = typeof a.filename === "string" ? a.filename : undefined;
    if (type === "message/rfc822" && depth < MAX_NESTING) {
      // RPT-DELIV-4: a report forwarded inside another message.
      const inner = await parse(a.content).catch(() => null);
      if (inner) await collect(inner, c, depth + 1);
      if (budget.overrun) return;
      continue;
    }
    const labelled = REPORT_TYPES.has(type) || isReportName(a);
    if (!labelled && !MAYBE_TYPES.has(type)) continue;
    const container = sniff(a.content);
    if (!labelled && container !== "gzip" && container !== "json") continue;
    const result = readReport(
      a.content,
      {
        ...opts,
        contentType: type,
        filename,
        headerDomain: email.reportDomain ?? undefined,
        submitter: email.reportSubmitter ?? undefined,
      },
      budget,
    );
    if (budget.overrun) return;
    if (result.ok) {
      reports.push(...result.value.reports);
    } else if (labelled || !NOT_A_REPORT.has(result.error.code)) {
      rejected.push({
        filename: filename ?? null,
        error: { ...result.error, attachment: filename },
      });
    }
  }
}

// An unlabelled gzip or JSON attachment that is not a TLS report (a DMARC report, say) is
// simply not ours; a labelled one that fails is a broken report.
const NOT_A_REPORT = new Set([
  "not-gzip",
  "bad-encoding",
  "bad-json",
  "not-a-report",
  "unsupported-format",
]);

const isReportName = (a: Attachment) =>
  typeof a.filename === "string" &&
  /!\d+!\d+(![A-Za-z0-9]*)?\.json(\.gz)?$/i.test(a.filename ?? "");
