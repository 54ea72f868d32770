// The texts of check results (issue 16 §6): each title, evidence and fix is built from one key
// of messages/en/checks.json and its parameters. The English is formatted here from that
// catalogue (stored, the API, the CLI, the tests) and the MessageRef is kept beside it, so
// the check page can show the same text in the user's language and the two can't drift.
// Raw data the checker saw (records, host names, server replies, certificate subjects) goes
// in as parameters and is never translated.
import en from "../../messages/en/checks.json" with { type: "json" };
import { formatIcu, type IcuParams } from "../i18n/format-icu";
import type { MessageRef } from "../i18n/message-ref";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key of the `checks` namespace: an unknown key fails the type check. */
export type CheckTextKey = Leaves<typeof en>;

/** A text of a check result: the English and the reference to translate it. */
export interface CheckText {
  text: string;
  ref: MessageRef;
}

type Tree = { [key: string]: string | Tree };

function lookup(key: string): string {
  let node: string | Tree = en as Tree;
  for (const part of key.split(".")) {
    node = typeof node === "string" ? node : (node[part] ?? "");
  }
  if (typeof node !== "string" || node === "") throw new Error(`No check text ${key}`);
  return node;
}

/** The text of `key` in English with its ref (namespace `checks`). */
export function ct(key: CheckTextKey, params?: IcuParams): CheckText {
  const text = formatIcu(lookup(key), params);
  return { text, ref: params ? { key, params } : { key } };
}
