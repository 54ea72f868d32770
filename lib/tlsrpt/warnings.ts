import type { Diagnostic, Severity } from "../core/diagnostic";

/**
 * Collects diagnostics for one report. The same kind of oddity repeated across many rows
 * (say 40 non-canonical IPs) becomes one diagnostic with a count, so the admin reads one
 * line per problem instead of a wall of near-duplicates.
 */
export class WarningSink {
  // Created on the first warning: most reports have none.
  private byKey: Map<string, { d: Diagnostic; n: number }> | undefined;

  add(id: string, message: string, severity: Severity = "warning", key: string = id): void {
    this.byKey ??= new Map();
    const seen = this.byKey.get(key);
    if (seen) seen.n += 1;
    else this.byKey.set(key, { d: { id, severity, message }, n: 1 });
  }

  get size(): number {
    return this.byKey?.size ?? 0;
  }

  list(): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (!this.byKey) return out;
    for (const { d, n } of this.byKey.values()) {
      out.push(n === 1 ? d : { ...d, message: `${d.message} (${n} times in this report)` });
    }
    return out;
  }
}
