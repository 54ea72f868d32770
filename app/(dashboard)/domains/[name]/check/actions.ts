"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { parseDkimSelectors, setDkimSelectors } from "@/lib/db/checks/dkim-selectors";
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";

export interface DkimFormState {
  error?: string;
  saved?: string[];
  typed?: string;
}

export async function saveDkimSelectorsAction(
  _: DkimFormState,
  form: FormData,
): Promise<DkimFormState> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  const typed = String(form.get("selectors") ?? "");
  const parsed = parseDkimSelectors(typed);
  if (!parsed.ok) return { error: parsed.error, typed };
  const db = await getDb();
  const domain = await findDomainByName(db, String(form.get("domain") ?? ""));
  if (!domain) return { error: "That domain is no longer on the list.", typed };
  const saved = await setDkimSelectors(db, domain.id, parsed.value, {
    userId: auth.user.id,
    email: auth.user.email,
  });
  if (!saved.ok) return { error: saved.error, typed };
  revalidatePath(`/domains/${domain.name}/check`);
  return { saved: saved.value, typed: saved.value.join(", ") };
}
