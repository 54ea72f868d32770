// Shared tokenizer for the two DNS tag-list records: `_mta-sts` (RFC 8461 §3.1) and
// `_smtp._tls` (RFC 8460 §3). Both use the same shape:
//   record      = version 1*(field-delim field) [field-delim]
//   field-delim = *WSP ";" *WSP
//   field       = name "=" value          (no whitespace around "=")
// Callers validate the values; this file only splits and checks names and delimiters.

import type { Diagnostic } from "../core/diagnostic";
import type { MessageRef } from "../i18n/message-ref";
import { trimWspEnd, trimWspStart } from "./wsp";

/** STS-TXT-11 / RPT-TXT-2: extension names. */
export const EXT_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
/** STS-TXT-11 / RPT-TXT-2: extension values: printable ASCII except "=", ";" and space. */
export const EXT_VALUE_RE = /^[\x21-\x3A\x3C\x3E-\x7E]+$/;

export interface TxtField {
  name: string;
  value: string;
}

/** Which requirement id each kind of problem is reported under. */
export interface TxtFieldIds {
  /** The record does not start with the exact version literal. */
  version: string;
  /** Empty fields, whitespace in the wrong place. */
  delimiter: string;
  /** Whitespace between the version and the first ";" (valid, but breaks prefix filters). */
  prefix: string;
  /** A field that is not `name=value`, or whose name is malformed. */
  field: string;
}

export interface TxtSplit {
  /** False when the text does not begin with the version literal at all. */
  versionMatched: boolean;
  fields: TxtField[];
  diagnostics: Diagnostic[];
}

/** Empty fields told one by one; the rest are counted in one more diagnostic. */
const MAX_EMPTY_FIELDS_TOLD = 20;

// Messages of the "diagnostics" namespace under `TXT-FIELDS` (issue 16 §6): this tokenizer
// reports under the ids its caller gives (STS-TXT-* or RPT-TXT-*), so its keys name the problem.
const ref = (key: string, params?: Record<string, string>): MessageRef =>
  params ? { key: `TXT-FIELDS.${key}`, params } : { key: `TXT-FIELDS.${key}` };

const error = (id: string, message: string, r: MessageRef): Diagnostic => ({
  id,
  severity: "error",
  message,
  ref: r,
});

/** Split a joined TXT record (STS-TXT-9: strings joined with no separator) into fields. */
export function splitTxtRecord(record: string, version: string, ids: TxtFieldIds): TxtSplit {
  const diagnostics: Diagnostic[] = [];
  if (!record.startsWith(version)) {
    const caseOnly = record.toLowerCase().startsWith(version.toLowerCase());
    const hint = caseOnly ? ` The version is case-sensitive: write exactly "${version}".` : "";
    diagnostics.push(
      error(
        ids.version,
        `The record must start with "${version}".${hint}`,
        ref(caseOnly ? "versionCase" : "noVersion", { version }),
      ),
    );
    return { versionMatched: false, fields: [], diagnostics };
  }
  const rest = record.slice(version.length);
  if (rest === "") return { versionMatched: true, fields: [], diagnostics };

  const gap = rest.slice(0, rest.length - trimWspStart(rest).length);
  if (rest[gap.length] !== ";") {
    const trailing = rest.length === gap.length;
    diagnostics.push(
      trailing
        ? error(
            ids.delimiter,
            `Remove the whitespace after "${version}": it is only allowed around ";".`,
            ref("spaceAfterVersion", { version }),
          )
        : error(
            ids.version,
            `The version must be exactly "${version}", followed by ";".`,
            ref("badVersion", { version }),
          ),
    );
    return { versionMatched: rest.length === gap.length, fields: [], diagnostics };
  }
  if (gap.length > 0) {
    diagnostics.push({
      id: ids.prefix,
      severity: "warning",
      message: `Remove the whitespace before the first ";": some senders only accept records that begin with the literal "${version};" and will ignore this one.`,
      ref: ref("spaceBeforeFirst", { version }),
    });
  }

  const fields: TxtField[] = [];
  const parts = rest.slice(gap.length + 1).split(";");
  let emptyFields = 0;
  parts.forEach((part, index) => {
    const isLast = index === parts.length - 1;
    const text = trimWspStart(part);
    if (text === "") {
      // A trailing ";" (with optional whitespace) is allowed once; ";;" is an empty field.
      // Issue 11: one diagnostic per empty field would let ";" × 64 Ki flood the list.
      if (!isLast && ++emptyFields <= MAX_EMPTY_FIELDS_TOLD) {
        diagnostics.push(error(ids.delimiter, `Remove the empty field (";;").`, ref("emptyField")));
      }
      return;
    }
    const trimmed = trimWspEnd(text);
    if (isLast && trimmed !== text) {
      diagnostics.push(
        error(
          ids.delimiter,
          `Remove the whitespace at the end of the record, or end it with ";".`,
          ref("spaceAtEnd"),
        ),
      );
    }
    const field = parseField(trimmed, ids, diagnostics);
    if (field) fields.push(field);
  });
  if (emptyFields > MAX_EMPTY_FIELDS_TOLD) {
    diagnostics.push(
      error(
        ids.delimiter,
        `Remove the other ${emptyFields - MAX_EMPTY_FIELDS_TOLD} empty fields too (${emptyFields} in all).`,
        ref("moreEmptyFields", {
          count: String(emptyFields - MAX_EMPTY_FIELDS_TOLD),
          total: String(emptyFields),
        }),
      ),
    );
  }
  return { versionMatched: true, fields, diagnostics };
}

function parseField(text: string, ids: TxtFieldIds, diagnostics: Diagnostic[]): TxtField | null {
  const eq = text.indexOf("=");
  if (eq === -1) {
    diagnostics.push(
      error(ids.field, `"${text}" is not a name=value field.`, ref("notField", { text })),
    );
    return null;
  }
  const rawName = text.slice(0, eq);
  const rawValue = text.slice(eq + 1);
  const name = trimWspEnd(rawName);
  const value = trimWspStart(rawValue);
  if (name !== rawName || value !== rawValue) {
    diagnostics.push(
      error(
        ids.delimiter,
        `Remove the whitespace around "=" in "${text}" (write "${name}=").`,
        ref("spaceAroundEquals", { text, name }),
      ),
    );
  }
  if (!EXT_NAME_RE.test(name)) {
    diagnostics.push(
      error(
        ids.field,
        `"${name}" is not a valid field name: use 1 to 32 letters, digits, "_", "-" or ".", starting with a letter or digit.`,
        ref("badName", { name }),
      ),
    );
    return null;
  }
  return { name, value };
}

/**
 * STS-TXT-11 / RPT-TXT-2: a field the RFC does not define. Returns the diagnostic to report
 * and whether the value is well-formed enough to keep as an extension (receivers ignore it).
 */
export function extensionField(
  name: string,
  value: string,
  id: string,
  rfc: "RFC 8461" | "RFC 8460",
  readers: "senders" | "reporters",
): { keep: boolean; diagnostic: Diagnostic } {
  if (!EXT_VALUE_RE.test(value)) {
    return {
      keep: false,
      diagnostic: error(
        id,
        `The value of "${name}" is invalid: it must be 1 or more printable ASCII characters other than "=", ";" and space.`,
        ref("badValue", { name }),
      ),
    };
  }
  return {
    keep: true,
    diagnostic: {
      id,
      severity: "info",
      message: `The field "${name}" is not defined by ${rfc}; ${readers} ignore it.`,
      ref: ref("unknownField", { name, rfc, readers }),
    },
  };
}
