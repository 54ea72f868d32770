// Bytes (JSON or gzip) → normalized TLS reports, synchronously. RPT-ING-1 caps,
// RPT-QUIRK-10 sniffing, RPT-ING-3 JSON checks; every failure is a ReportError value.
import { gunzipSync } from "node:zlib";
import { err, ok, type Result } from "../core/diagnostic";
import { InputBudget, MAX_COMPRESSED, mib, type InputLimits } from "./budget";
import { FieldError, ReadContext } from "./fields";
import { decodeJson } from "./json-text";
import { applyHints, normalizeReport, NotAReport } from "./normalize-report";
import { refusal } from "./refusal-text";
import { sniff } from "./sniff";
import type { ReadHints, ReadOutcome, ReportError } from "./types";
import { WarningSink, wt } from "./warnings";

export { MAX_COMPRESSED, MAX_DECOMPRESSED } from "./budget";

/** The budget limits a caller's hints ask for (maxDecompressed is the older spelling). */
export function limitsOf(
  hints: Pick<ReadHints, "limits" | "maxDecompressed">,
): Partial<InputLimits> {
  const limits = { ...hints.limits };
  if (hints.maxDecompressed !== undefined) limits.decompressed = hints.maxDecompressed;
  return limits;
}

/**
 * One report body. `budget` is the whole input's (an e-mail passes one budget to every
 * attachment, issue 11); a standalone body gets a budget of its own.
 */
export function readReport(
  bytes: Uint8Array,
  hints: ReadHints = {},
  budget: InputBudget = new InputBudget(limitsOf(hints)),
): Result<ReadOutcome, ReportError> {
  const maxCompressed = hints.maxCompressed ?? MAX_COMPRESSED;
  if (bytes.length > maxCompressed) {
    return err(
      refusal("too-large", "reportTooBig", { size: mib(bytes.length), limit: mib(maxCompressed) }),
    );
  }
  const container = sniff(bytes);
  if (container === "gzip") {
    const inflated = gunzip(bytes, budget);
    if (!inflated.ok) return inflated;
    return readJson(inflated.value, "gzip", hints, budget);
  }
  if (container === "json") {
    const over = budget.chargeJson(bytes.length);
    if (over) return err(over);
    return readJson(bytes, "json", hints, budget);
  }
  return err(
    hints.contentType
      ? refusal("unsupported-format", "unsupportedLabelled", {
          container,
          contentType: hints.contentType,
        })
      : refusal("unsupported-format", "unsupported", { container }),
  );
}

/** RPT-ING-1: zlib stops as soon as the output passes the cap, so a bomb costs ~cap bytes. */
function gunzip(bytes: Uint8Array, budget: InputBudget): Result<Buffer, ReportError> {
  const max = budget.decompressedLeft;
  if (max < 1) return err(budget.bombError());
  try {
    // Multi-member gzip streams are inflated member after member; the cap is on the total
    // of all members, and of all earlier parts of the same input.
    const out = gunzipSync(bytes, { maxOutputLength: max });
    budget.chargeInflated(out.length);
    return ok(out);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ERR_BUFFER_TOO_LARGE") return err(budget.bombError());
    const detail = e instanceof Error ? e.message : "corrupt data";
    return err(refusal("not-gzip", "notGzip", { detail }));
  }
}

function readJson(
  bytes: Uint8Array,
  source: "json" | "gzip",
  hints: ReadHints,
  budget: InputBudget,
): Result<ReadOutcome, ReportError> {
  const parsed = decodeJson(bytes);
  if (!parsed.ok) return parsed;
  const { value, text, bomStripped, duplicates, duplicateCount } = parsed.value;
  const warn = new WarningSink();
  const ctx = new ReadContext(warn, text, budget.limits);
  if (bomStripped)
    warn.add("RPT-ING-3", wt("a UTF-8 byte order mark preceded the JSON; removed", "bom"), "info");
  if (duplicateCount > 0) {
    const more =
      duplicateCount > duplicates.length ? `, and ${duplicateCount - duplicates.length} more` : "";
    warn.add(
      "RPT-ING-3",
      wt(
        `duplicate member names (I-JSON forbids them); the last value was kept: ${duplicates.join(", ")}${more}`,
        "duplicates",
        {
          names: duplicates.join(", "),
          more: duplicateCount > duplicates.length ? "yes" : "no",
          count: String(duplicateCount - duplicates.length),
        },
      ),
    );
  }
  try {
    const report = normalizeReport(value, ctx);
    applyHints(report, hints, ctx);
    report.warnings = warn.list();
    const over = budget.chargeReports(1);
    if (over) return err(over);
    return ok({ reports: [report], source, rejected: [] });
  } catch (e) {
    if (e instanceof FieldError) {
      return err({ code: "invalid-field", field: e.field, message: e.message, ref: e.ref });
    }
    if (e instanceof NotAReport) return err(refusal("not-a-report", "notAReport"));
    throw e;
  }
}
