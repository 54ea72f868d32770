// A Failure whose English is its "apiErrors" message formatted here (issue 16 §6,
// ARCHITECTURE.md "Languages"), like the checker's ct(): lib keeps writing English (logs, the
// API, scripts) and the route answers the user's language from the ref, and the two can't
// drift because both come from messages/en/api-errors.json.
import en from "../../messages/en/api-errors.json" with { type: "json" };
import { failure, type Failure, type FailureKind } from "../core/failure";
import { formatIcu, type IcuParams } from "./format-icu";
import type { MessageRef } from "./message-ref";

export type ApiErrorKey = keyof typeof en;

/** An "apiErrors" message: its English and its ref. */
export interface ApiErrorText {
  message: string;
  ref: MessageRef;
}

export const apiText = (key: ApiErrorKey, params?: IcuParams): ApiErrorText => ({
  message: formatIcu(en[key], params),
  ref: params ? { key, params } : { key },
});

export const apiFailure = (kind: FailureKind, key: ApiErrorKey, params?: IcuParams): Failure => {
  const text = apiText(key, params);
  return failure(kind, text.message, text.ref);
};
