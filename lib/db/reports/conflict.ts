import type { Diagnostic } from "@/lib/core/diagnostic";
import type { NormalizedReport } from "@/lib/tlsrpt/types";

/** TV-JSON-8: same reporter and report-id, different content: both kept, flagged. */
export function conflictWarning(r: NormalizedReport): Diagnostic {
  return {
    id: "RPT-ING-5",
    severity: "warning",
    message: `report-id "${r.reportId}" from ${r.submitterDomain ?? r.organizationName} arrived again with different content; both copies kept`,
    ref: {
      key: "warnings.conflict",
      params: { id: r.reportId, from: r.submitterDomain ?? r.organizationName },
    },
  };
}
