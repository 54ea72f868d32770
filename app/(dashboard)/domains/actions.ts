"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { addDomain, removeDomain } from "@/lib/db/domains/domains";
import { validateDomainName } from "@/lib/domains/domain-name";

export interface DomainFormState {
  error?: string;
  added?: string;
  /** What was typed, kept after an error so it can be corrected. */
  typed?: string;
}

export async function addDomainAction(
  _: DomainFormState,
  form: FormData,
): Promise<DomainFormState> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  const typed = String(form.get("domain") ?? "");
  const name = validateDomainName(typed);
  if (!name.ok) return { error: name.error, typed };
  const added = await addDomain(
    await getDb(),
    { name: name.value.aLabel, displayName: name.value.uLabel },
    { userId: auth.user.id, email: auth.user.email },
  );
  if (!added.ok) return { error: added.error, typed };
  revalidatePath("/domains");
  return { added: added.value.displayName };
}

export async function removeDomainAction(id: string): Promise<{ error?: string }> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  const removed = await removeDomain(await getDb(), id, {
    userId: auth.user.id,
    email: auth.user.email,
  });
  if (!removed.ok) return { error: removed.error };
  revalidatePath("/domains");
  return {};
}
