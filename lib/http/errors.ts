import { NextResponse } from "next/server";
import type { Failure, FailureKind } from "@/lib/core/failure";
import type { MessageRef } from "@/lib/i18n/message-ref";

// The one map from a failure's kind to its HTTP status (issue 13 §2). Route handlers answer
// every expected failure through fail(), so the browser always gets {"error": message}.
const STATUS: Record<FailureKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "too-many": 429,
  upstream: 502,
};

export const statusOf = (kind: FailureKind): number => STATUS[kind];

// Issue 16 §6: the message key of an answer's English error, for the wrapper (handler.ts) to
// answer in the user's language (i18n/api-errors.ts). Kept beside the response, not in its
// body, so the API's JSON stays {"error": message}.

/** An answer's message: one of "apiErrors", or diagnostics (namespace "diagnostics") that
 * the English joined with a space. */
export type ErrorRef = MessageRef | { diagnostics: readonly MessageRef[] };

const refs = new WeakMap<Response, ErrorRef>();

/** Remember the message(s) of an answer's {"error": …}. */
export function withErrorRef<R extends Response>(res: R, ref: ErrorRef | undefined): R {
  if (ref) refs.set(res, ref);
  return res;
}

export const errorRefOf = (res: Response): ErrorRef | undefined => refs.get(res);

/** The JSON answer for an expected failure: {"error": message} with the kind's status. With a
 * message key ("apiErrors" namespace), withUser answers in the user's language. */
export function fail(kind: FailureKind, message: string, ref?: ErrorRef): NextResponse {
  return withErrorRef(NextResponse.json({ error: message }, { status: STATUS[kind] }), ref);
}

export const failed = (f: Failure): NextResponse =>
  fail(f.kind, f.message, f.ref ?? (f.diagnosticRefs && { diagnostics: f.diagnosticRefs }));
