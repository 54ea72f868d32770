"use client";

import { Trash2 } from "lucide-react";
import { ConfirmRemoveButton } from "@/components/ui/confirm-remove-button";
import { useRemoveDomain } from "@/lib/query/domain-mutations";

/** `domain` is the A-label (the API's key); `name` is what the dialog shows. */
export function RemoveDomainButton({ domain, name }: { domain: string; name: string }) {
  const removal = useRemoveDomain(domain);
  return (
    <ConfirmRemoveButton
      name={name}
      icon={<Trash2 aria-hidden />}
      confirmLabel="Remove domain"
      removal={removal}
    >
      STS Rollout stops tracking this domain. Its DNS records and any published policy are not
      touched: remove those yourself, in the safe order, if you mean to stop using MTA-STS.
    </ConfirmRemoveButton>
  );
}
