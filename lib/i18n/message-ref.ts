// A text that domain code (lib/readiness, lib/auth, …) hands to the UI without importing the
// translation layer: a message key (relative to the namespace the component reads) and its
// ICU parameters. The component translates it with t(ref.key, ref.params); the English text
// stays next to it in lib for logs, the API and the tests (ARCHITECTURE.md "Languages").
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * A MessageRef that quotes other messages (a refusal's reason inside a sentence): each
 * `nested` entry is translated first and passed as the parameter of its name, whose English
 * `params` holds. `namespace` names the ref's namespace where it is not the one its reader
 * assumes; a nested ref is in its parent's unless it names its own.
 */
export interface NestedMessageRef extends MessageRef {
  namespace?: string;
  nested?: Record<string, NestedMessageRef>;
}

/** One message in `namespace`, or null when it has no such key. */
export type Say = (
  namespace: string,
  key: string,
  params: Record<string, string | number>,
) => string | null;

/** `ref` translated by `say`, its nested messages first (their English where `say` has no key
 * for them); null when `say` has no key for `ref` itself. */
export function renderNested(ref: NestedMessageRef, namespace: string, say: Say): string | null {
  const ns = ref.namespace ?? namespace;
  const params = { ...ref.params };
  for (const [name, inner] of Object.entries(ref.nested ?? {})) {
    const text = renderNested(inner, ns, say);
    if (text !== null) params[name] = text;
  }
  return say(ns, ref.key, params);
}
