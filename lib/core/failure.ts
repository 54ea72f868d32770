// What kind of expected failure a use case or a route ran into. The HTTP status of each
// kind is decided in one place (lib/http/errors.ts); the message is for the person.

import type { MessageRef } from "../i18n/message-ref";

export type FailureKind =
  | "invalid" // the input is wrong: the message names the problem
  | "unauthorized" // no session
  | "forbidden" // signed in, but the role may not do this
  | "not-found" // the thing asked for does not exist (any more)
  | "conflict" // the input is fine, but the current state refuses it (duplicate, last admin…)
  | "too-many" // rate-limited or throttled
  | "upstream"; // a server we depend on (an IMAP server) failed or refused

export interface Failure {
  kind: FailureKind;
  message: string;
  /** The same sentence as a message of the "apiErrors" namespace: the route answers in the
   * user's language (issue 16 §6, ARCHITECTURE.md "Languages"); without it, in English. */
  ref?: MessageRef;
  /** Instead of `ref`, for a message lib joined from diagnostics with a space (a draft
   * policy's problems): their "diagnostics" messages, in order, which the route translates
   * one by one and joins the same way. Set only when every diagnostic has one. */
  diagnosticRefs?: readonly MessageRef[];
}

export const failure = (kind: FailureKind, message: string, ref?: MessageRef): Failure =>
  ref ? { kind, message, ref } : { kind, message };
