// Bytes (JSON or gzip) → normalized TLS reports, synchronously. RPT-ING-1 caps,
// RPT-QUIRK-10 sniffing, RPT-ING-3 JSON checks; every failure is a ReportError value.
import { gunzipSync } from "node:zlib";
import { err, ok, type Result } from "../core/diagnostic";
import { FieldError, ReadContext } from "./fields";
import { decodeJson } from "./json-text";
import { applyHints, normalizeReport, NotAReport } from "./normalize-report";
import { sniff } from "./sniff";
import type { ReadHints, ReadOutcome, ReportError } from "./types";
import { WarningSink } from "./warnings";

export const MAX_COMPRESSED = 10 * 1024 * 1024;
export const MAX_DECOMPRESSED = 20 * 1024 * 1024;

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

export function readReport(
  bytes: Uint8Array,
  hints: ReadHints = {},
): Result<ReadOutcome, ReportError> {
  const maxCompressed = hints.maxCompressed ?? MAX_COMPRESSED;
  const maxDecompressed = hints.maxDecompressed ?? MAX_DECOMPRESSED;
  if (bytes.length > maxCompressed) {
    return err({
      code: "too-large",
      message: `the report is ${mib(bytes.length)}; the limit is ${mib(maxCompressed)}`,
    });
  }
  const container = sniff(bytes);
  if (container === "gzip") {
    const inflated = gunzip(bytes, maxDecompressed);
    if (!inflated.ok) return inflated;
    return readJson(inflated.value, "gzip", hints);
  }
  if (container === "json") return readJson(bytes, "json", hints);
  const what =
    container === "eml"
      ? "an email message (use readAny or readReportEmail)"
      : container === "zip"
        ? "a zip archive (TLS reports are gzip, RFC 8460 §5.2)"
        : "neither JSON nor gzip";
  const type = hints.contentType ? ` (labelled ${hints.contentType})` : "";
  return err({ code: "unsupported-format", message: `the input${type} is ${what}` });
}

/** RPT-ING-1: zlib stops as soon as the output passes the cap, so a bomb costs ~cap bytes. */
function gunzip(bytes: Uint8Array, max: number): Result<Buffer, ReportError> {
  try {
    // Multi-member gzip streams are inflated member after member; the cap is on the total.
    return ok(gunzipSync(bytes, { maxOutputLength: max }));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ERR_BUFFER_TOO_LARGE") {
      return err({
        code: "decompression-bomb",
        message: `the gzip data expands past ${mib(max)}; stopped at the limit`,
      });
    }
    const detail = e instanceof Error ? e.message : "corrupt data";
    return err({ code: "not-gzip", message: `the gzip data could not be decompressed: ${detail}` });
  }
}

function readJson(
  bytes: Uint8Array,
  source: "json" | "gzip",
  hints: ReadHints,
): Result<ReadOutcome, ReportError> {
  const parsed = decodeJson(bytes);
  if (!parsed.ok) return parsed;
  const { value, text, bomStripped, duplicates } = parsed.value;
  const warn = new WarningSink();
  const ctx = new ReadContext(warn, text);
  if (bomStripped)
    warn.add("RPT-ING-3", "a UTF-8 byte order mark preceded the JSON; removed", "info");
  if (duplicates.length > 0) {
    warn.add(
      "RPT-ING-3",
      `duplicate member names (I-JSON forbids them); the last value was kept: ${duplicates.join(", ")}`,
    );
  }
  try {
    const report = normalizeReport(value, ctx);
    applyHints(report, hints, ctx);
    report.warnings = warn.list();
    return ok({ reports: [report], source, rejected: [] });
  } catch (e) {
    if (e instanceof FieldError) {
      return err({ code: "invalid-field", field: e.field, message: e.message });
    }
    if (e instanceof NotAReport) return err({ code: "not-a-report", message: e.message });
    throw e;
  }
}
