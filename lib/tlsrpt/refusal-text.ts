// The reader's refusals (issue 16 §6): each ReportError's English is formatted here from one
// message of messages/en/tlsrptReader.json (`refusals.*`), like the checker's ct(), and its
// MessageRef (namespace `tlsrptReader`) is kept beside it, so a rejected submission shows in
// the admin's language and the two can't drift. Raw data (field paths, the value sent, a
// JSON or zlib error's own words, file names) goes in as parameters.
import en from "../../messages/en/tlsrptReader.json" with { type: "json" };
import { formatIcu, type IcuParams } from "../i18n/format-icu";
import type { NestedMessageRef } from "../i18n/message-ref";
import type { ReportError, ReportErrorCode } from "./types";

type Refusals = typeof en.refusals;
export type RefusalKey = Exclude<keyof Refusals, "field">;
export type FieldProblemKey = keyof Refusals["field"];

export interface RefusalText {
  text: string;
  ref: NestedMessageRef;
}

const refOf = (key: string, params?: IcuParams): NestedMessageRef =>
  params ? { key, params } : { key };

/** The English of `refusals.<key>` with its ref. */
export const refusalText = (key: RefusalKey, params?: IcuParams): RefusalText => ({
  text: formatIcu(en.refusals[key], params),
  ref: refOf(`refusals.${key}`, params),
});

/** A field refused: `refusals.field.<key>`, the path as `field`. */
export const fieldText = (field: string, key: FieldProblemKey, params?: IcuParams): RefusalText => {
  const all = { field, ...params };
  return { text: formatIcu(en.refusals.field[key], all), ref: refOf(`refusals.field.${key}`, all) };
};

/** A ReportError of `code` whose message is `refusals.<key>`. */
export function refusal(code: ReportErrorCode, key: RefusalKey, params?: IcuParams): ReportError {
  const { text, ref } = refusalText(key, params);
  return { code, message: text, ref };
}

/** An attachment's refusal, named by its file (or as "report attachment"): the reason is
 * quoted as a message of its own (`nested.reason`). */
export function inAttachment(filename: string | null, error: ReportError): ReportError {
  const { text, ref } =
    filename === null
      ? refusalText("inUnnamedAttachment", { reason: error.message })
      : refusalText("inAttachment", { attachment: filename, reason: error.message });
  return { ...error, message: text, ref: { ...ref, nested: { reason: error.ref } } };
}
