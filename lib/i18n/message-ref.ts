// A text that domain code (lib/readiness, lib/auth, …) hands to the UI without importing the
// translation layer: a message key (relative to the namespace the component reads) and its
// ICU parameters. The component translates it with t(ref.key, ref.params); the English text
// stays next to it in lib for logs, the API and the tests (ARCHITECTURE.md "Languages").
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}
