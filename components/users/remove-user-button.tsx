"use client";

import { UserMinus } from "lucide-react";
import { ConfirmRemoveButton } from "@/components/ui/confirm-remove-button";
import { useRemoveUser } from "@/lib/query/admin-mutations";

export function RemoveUserButton({ id, email }: { id: string; email: string }) {
  const removal = useRemoveUser(id);
  return (
    <ConfirmRemoveButton
      name={email}
      icon={<UserMinus aria-hidden />}
      confirmLabel="Remove user"
      removal={removal}
    >
      They can no longer sign in, and any session they have open ends at its next request. The audit
      log keeps what they did.
    </ConfirmRemoveButton>
  );
}
