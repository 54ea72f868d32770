// Issue 11 / RPT-ING-1: what one input (an HTTP body, an upload, one e-mail message) may
// cost the reader, counted across the WHOLE input: every gzip member and every attachment
// draws on the same budget. Named constants so the HTTP layer and the docs can cite them.
import { refusal } from "./refusal-text";
import type { ReportError } from "./types";

/** Compressed (or raw JSON) bytes of one report body (RPT-ING-1). */
export const MAX_COMPRESSED = 10 * 1024 * 1024;
/** Decompressed JSON over all gzip members and all attachments of one input (RPT-ING-1). */
export const MAX_DECOMPRESSED = 20 * 1024 * 1024;
/** Attachments of one e-mail, counted over forwarded messages inside it too. */
export const MAX_ATTACHMENTS = 50;
/** Reports read from one input. */
export const MAX_REPORTS = 100;
/** Policy entries kept per report; the rest are dropped with a warning. */
export const MAX_POLICIES = 1_000;
/** Failure-detail rows kept per report (all policies together); the rest are dropped. */
export const MAX_FAILURE_DETAILS = 10_000;

export interface InputLimits {
  decompressed: number;
  attachments: number;
  reports: number;
  policies: number;
  failureDetails: number;
}

export const INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  decompressed: MAX_DECOMPRESSED,
  attachments: MAX_ATTACHMENTS,
  reports: MAX_REPORTS,
  policies: MAX_POLICIES,
  failureDetails: MAX_FAILURE_DETAILS,
});

export const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** What is left of one input's budget while it is read. Shared by every part of it. */
export class InputBudget {
  readonly limits: InputLimits;
  private decompressedUsed = 0;
  private attachmentsSeen = 0;
  private reportsRead = 0;
  /** The first limit the input went past: the whole input is refused with it. */
  overrun: ReportError | null = null;

  constructor(limits: Partial<InputLimits> = {}) {
    this.limits = { ...INPUT_LIMITS, ...limits };
  }

  /** Bytes of JSON the next part may still expand to. */
  get decompressedLeft(): number {
    return Math.max(0, this.limits.decompressed - this.decompressedUsed);
  }

  /** Charges `bytes` of JSON read as is (not inflated); an error past the limit. */
  chargeJson(bytes: number): ReportError | null {
    this.decompressedUsed += bytes;
    if (this.decompressedUsed <= this.limits.decompressed) return null;
    return this.refuse(refusal("too-large", "jsonTooBig", { max: mib(this.limits.decompressed) }));
  }

  /** Charges inflated bytes (never more than decompressedLeft: zlib stops there). */
  chargeInflated(bytes: number): void {
    this.decompressedUsed += bytes;
  }

  /** gzip data that would inflate past what is left of the budget. */
  bombError(): ReportError {
    const max = mib(this.limits.decompressed);
    return this.refuse(
      refusal("decompression-bomb", this.decompressedUsed === 0 ? "gzipBomb" : "gzipBombShared", {
        max,
      }),
    );
  }

  chargeAttachment(): ReportError | null {
    this.attachmentsSeen += 1;
    if (this.attachmentsSeen <= this.limits.attachments) return null;
    // Limits go in as strings: the English keeps "1000", never "1,000".
    return this.refuse(
      refusal("too-large", "tooManyAttachments", { limit: String(this.limits.attachments) }),
    );
  }

  chargeReports(n: number): ReportError | null {
    this.reportsRead += n;
    if (this.reportsRead <= this.limits.reports) return null;
    return this.refuse(
      refusal("too-large", "tooManyReports", { limit: String(this.limits.reports) }),
    );
  }

  private refuse(e: ReportError): ReportError {
    this.overrun ??= e;
    return e;
  }
}
