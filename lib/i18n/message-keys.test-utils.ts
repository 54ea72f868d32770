// The dotted keys of a message namespace ("STS-POL-1.bareCr"), for tests that require every
// message of a namespace to be reached by their inputs.
type Tree = { [key: string]: string | Tree };

export const messageKeys = (tree: object, prefix = ""): string[] =>
  Object.entries(tree as Tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : messageKeys(v, `${prefix}${k}.`),
  );
