import type { z } from "zod";
import { failure, type Failure } from "../core/failure";
import { apiFailure, type ApiErrorKey } from "./api-failure";
import { keyOfMessage } from "./keyed-messages";

// zod's own messages ("Too big: expected string to have <=100 characters") are neither whole
// sentences for a person nor translatable. A route answers them instead as one "apiErrors"
// message per kind of problem, a whole sentence with the field's JSON name as a parameter
// (issue 16 §6): '"label" must be at most 100 characters long.'

type Issue = z.core.$ZodIssue;

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) =>
      v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    input,
  );

/** One zod issue of a body field as a whole sentence naming the field. */
export function zodProblem(issue: Issue, input: unknown): Failure {
  const field = issue.path.map(String).join(".");
  const problem = (key: ApiErrorKey, params: Record<string, string | number> = {}) =>
    apiFailure("invalid", key, { field, ...params });
  switch (issue.code) {
    case "invalid_type":
      return valueAt(input, issue.path) === undefined
        ? problem("fieldMissing")
        : problem("fieldWrongType", { expected: issue.expected });
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return problem("fieldTooLong", { max });
      if (issue.origin === "array") return problem("fieldTooMany", { max });
      if (issue.origin === "number" || issue.origin === "int")
        return problem("fieldTooBig", { max, inclusive: issue.inclusive === false ? "no" : "yes" });
      return problem("fieldInvalid");
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return problem("fieldTooShort", { min });
      if (issue.origin === "array") return problem("fieldTooFew", { min });
      if (issue.origin === "number" || issue.origin === "int")
        return problem("fieldTooSmall", {
          min,
          inclusive: issue.inclusive === false ? "no" : "yes",
        });
      return problem("fieldInvalid");
    }
    case "invalid_value":
      return problem("fieldNotOneOf", { values: issue.values.map(String).join(", ") });
    case "invalid_format":
      return problem("fieldFormat", { format: issue.format });
    default:
      return problem("fieldInvalid");
  }
}

/**
 * The first problem of a refused body, as forms show it: the schema's own message, found by
 * its key in `table` (lib/i18n/keyed-messages.ts); else zod's, as zodProblem words it; or
 * `whole` when the body itself is not what the route takes (not a JSON object).
 */
export function firstProblem<K extends ApiErrorKey>(
  error: z.ZodError,
  input: unknown,
  table: Readonly<Record<K, string>>,
  whole: Failure,
): Failure {
  const first = error.issues[0];
  if (!first || first.path.length === 0) return whole;
  const key = keyOfMessage(table, first.message);
  return key ? failure("invalid", first.message, { key }) : zodProblem(first, input);
}
