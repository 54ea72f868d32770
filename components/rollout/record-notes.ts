import { useTranslations } from "next-intl";
import type { RecordCheck } from "@/lib/rollout/types";

/**
 * A DNS verification's notes in the user's language (issue 16 §6): a note quoting the record
 * parser's diagnostic through its ref (namespace `diagnostics`), any other note as stored.
 */
export function useRecordNotes(): (r: Pick<RecordCheck, "notes" | "noteRefs">) => string[] {
  const td = useTranslations("diagnostics");
  return (r) =>
    r.notes.map((note, i) => {
      const ref = r.noteRefs?.[i];
      const key = ref?.key as Parameters<typeof td>[0] | undefined;
      return ref && key && td.has(key) ? td(key, ref.params) : note;
    });
}
