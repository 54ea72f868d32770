"use client";

import type { MessageRef } from "@/lib/i18n/message-ref";
import { seg } from "./api-fetch";
import { useApiMutation } from "./use-api-mutation";

// Changes to users and mailboxes (admins) and the first admin account (public, once).
// No client-side query holds these: after success the pages re-render (router.refresh).

export interface Invite {
  name: string;
  email: string;
  role: string;
  password: string;
}

export function useInviteUser() {
  return useApiMutation<Invite, { email: string; role: string }>({
    request: (body) => ({ method: "POST", url: "/api/users", body }),
  });
}

export function useSetUserRole(userId: string) {
  return useApiMutation<string, { email: string; role: string }>({
    request: (role) => ({ method: "PATCH", url: `/api/users/${seg(userId)}`, body: { role } }),
  });
}

export function useRemoveUser(userId: string) {
  return useApiMutation<void>({
    request: () => ({ method: "DELETE", url: `/api/users/${seg(userId)}` }),
  });
}

export function useResetPassword(userId: string) {
  return useApiMutation<string, { message: string }>({
    request: (password) => ({
      method: "PUT",
      url: `/api/users/${seg(userId)}/password`,
      body: { password },
    }),
  });
}

/** The mailbox form's fields; id set = edit that mailbox. */
export type MailboxFields = Record<string, string | boolean> & { id?: string };

export function useSaveMailbox() {
  return useApiMutation<MailboxFields, { id: string; label: string }>({
    request: ({ id, ...body }) =>
      id
        ? { method: "PUT", url: `/api/mailboxes/${seg(id)}`, body }
        : { method: "POST", url: "/api/mailboxes", body },
  });
}

export function useRemoveMailbox(id: string) {
  return useApiMutation<void>({
    request: () => ({ method: "DELETE", url: `/api/mailboxes/${seg(id)}` }),
  });
}

export function usePollMailbox(id: string) {
  return useApiMutation<void, { message: string; ref?: MessageRef }>({
    request: () => ({ method: "POST", url: `/api/mailboxes/${seg(id)}/poll` }),
    refreshAfterError: true,
  });
}

export interface FirstAdmin {
  setupCode: string;
  name: string;
  email: string;
  password: string;
}

export function useCreateFirstAdmin() {
  return useApiMutation<FirstAdmin, { email: string }>({
    request: (body) => ({ method: "POST", url: "/api/first-run", body }),
    navigateTo: "/sign-in?created=1",
  });
}

/** "Run now" for a scheduled job (issue 14 §1); the page re-renders with its new run. */
export function useRunJob(job: string) {
  return useApiMutation<void, { job: string; slot: string }>({
    request: () => ({ method: "POST", url: `/api/jobs/${seg(job)}/run` }),
  });
}
