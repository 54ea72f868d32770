import { NextResponse } from "next/server";
import type { Failure, FailureKind } from "@/lib/core/failure";

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

/** The JSON answer for an expected failure: {"error": message} with the kind's status. */
export function fail(kind: FailureKind, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status: STATUS[kind] });
}

export const failed = (f: Failure): NextResponse => fail(f.kind, f.message);
