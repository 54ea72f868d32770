"use client";

import { Trash2 } from "lucide-react";
import { removeDomainAction } from "@/app/(dashboard)/domains/actions";
import { ConfirmRemoveButton } from "@/components/ui/confirm-remove-button";

export function RemoveDomainButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmRemoveButton
      name={name}
      icon={<Trash2 aria-hidden />}
      confirmLabel="Remove domain"
      remove={() => removeDomainAction(id)}
    >
      STS Rollout stops tracking this domain. Its DNS records and any published policy are not
      touched: remove those yourself, in the safe order, if you mean to stop using MTA-STS.
    </ConfirmRemoveButton>
  );
}
