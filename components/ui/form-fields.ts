/** A form's text fields by name, for a JSON body (files, which our forms never have, are skipped). */
export function formFields(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === "string") out[name] = value;
  return out;
}
