"use client";

import { useSyncExternalStore } from "react";

const never = () => () => undefined;

/**
 * False in the server's HTML and while React hydrates it, true from then on. Controlled
 * inputs that are typed into before hydration lose or double the text (React restores its
 * state over what was typed): a form disables its fields until this is true.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
