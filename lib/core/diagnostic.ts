// Shared shape for everything the standards core and the checker report to a person.
// `id` is a requirement id from ../shared/spec/mta-sts-tlsrpt.md (STS-*, RPT-*, CHK-*).

import type { MessageRef } from "../i18n/message-ref";

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  id: string;
  severity: Severity;
  message: string;
  /** The same sentence as a message of the "diagnostics" namespace, keyed by the id
   * ("STS-POL-8.underOneDay"), for the UI to show in the user's language (issue 16 §6);
   * without it the UI shows `message`. */
  ref?: MessageRef;
  /** 1-based line number, where the input has lines (policy files). */
  line?: number;
}

/**
 * Expected failures are values (STYLE.md): either a value or a message a person can act on.
 * Use cases a route maps to a status return `Result<T, Failure>` (failure.ts): the kind
 * picks the status in lib/http/errors.ts, the message is shown as it is.
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "error");
