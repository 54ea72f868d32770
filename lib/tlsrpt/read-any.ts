// One entry point for any upload or delivery: JSON, gzip or an email message, by sniffing.
import type { Result } from "../core/diagnostic";
import { readReportEmail } from "./read-email";
import { readReport } from "./read-report";
import { sniff } from "./sniff";
import type { ReadHints, ReadOutcome, ReportError } from "./types";

export async function readAny(
  bytes: Uint8Array,
  hints: ReadHints = {},
): Promise<Result<ReadOutcome, ReportError>> {
  if (sniff(bytes) === "eml") {
    const { maxCompressed, maxDecompressed, contentType, limits } = hints;
    return readReportEmail(bytes, { maxCompressed, maxDecompressed, contentType, limits });
  }
  return readReport(bytes, hints);
}
