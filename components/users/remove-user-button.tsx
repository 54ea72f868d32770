"use client";

import { UserMinus } from "lucide-react";
import { removeUserAction } from "@/app/(dashboard)/users/actions";
import { ConfirmRemoveButton } from "@/components/ui/confirm-remove-button";

export function RemoveUserButton({ id, email }: { id: string; email: string }) {
  return (
    <ConfirmRemoveButton
      name={email}
      icon={<UserMinus aria-hidden />}
      confirmLabel="Remove user"
      remove={() => removeUserAction(id)}
    >
      They can no longer sign in, and any session they have open ends at its next request. The audit
      log keeps what they did.
    </ConfirmRemoveButton>
  );
}
