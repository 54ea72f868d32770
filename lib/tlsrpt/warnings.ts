import type { Diagnostic, Severity } from "../core/diagnostic";
import type { MessageRef } from "../i18n/message-ref";

/** A warning's English and its message of the "tlsrptReader" namespace (issue 16 §6). */
export interface WarningText {
  text: string;
  ref: MessageRef;
}

/** The English `text` with its ref `warnings.<key>`. */
export const wt = (text: string, key: string, params?: Record<string, string>): WarningText => ({
  text,
  ref: params ? { key: `warnings.${key}`, params } : { key: `warnings.${key}` },
});

/** Distinct kinds of warning kept per report; the rest are counted. */
export const MAX_KINDS = 50;

/**
 * Collects diagnostics for one report. The same kind of oddity repeated across many rows
 * (say 40 non-canonical IPs) becomes one diagnostic with a count, so the admin reads one
 * line per problem instead of a wall of near-duplicates.
 */
export class WarningSink {
  // Created on the first warning: most reports have none.
  private byKey: Map<string, { d: Diagnostic; n: number }> | undefined;

  /** Warnings of kinds past MAX_KINDS (issue 11: say, 10,000 distinct unknown result types). */
  private untold = 0;

  add(
    id: string,
    message: string | WarningText,
    severity: Severity = "warning",
    key: string = id,
  ): void {
    this.byKey ??= new Map();
    const seen = this.byKey.get(key);
    if (seen) seen.n += 1;
    else if (this.byKey.size < MAX_KINDS) {
      const d: Diagnostic =
        typeof message === "string"
          ? { id, severity, message }
          : { id, severity, message: message.text, ref: message.ref };
      this.byKey.set(key, { d, n: 1 });
    } else this.untold += 1;
  }

  get size(): number {
    return this.byKey?.size ?? 0;
  }

  list(): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (!this.byKey) return out;
    for (const { d, n } of this.byKey.values()) {
      // A repeated warning keeps its own ref with `times`: the page wraps it in
      // warnings.repeated (components/ingest/reader-text.ts).
      if (n === 1) out.push(d);
      else
        out.push({
          ...d,
          message: `${d.message} (${n} times in this report)`,
          ...(d.ref
            ? { ref: { key: d.ref.key, params: { ...d.ref.params, times: String(n) } } }
            : {}),
        });
    }
    if (this.untold > 0) {
      out.push({
        id: "RPT-ING-1",
        severity: "info",
        message: `${this.untold} more warnings of other kinds were not kept (at most ${MAX_KINDS} kinds per report)`,
        ref: {
          key: "warnings.untold",
          params: { count: String(this.untold), max: String(MAX_KINDS) },
        },
      });
    }
    return out;
  }
}
