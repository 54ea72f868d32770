"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConfirmRemoveButton } from "@/components/ui/confirm-remove-button";
import { useRemoveDomain } from "@/lib/query/domain-mutations";

/** `domain` is the A-label (the API's key); `name` is what the dialog shows. */
export function RemoveDomainButton({ domain, name }: { domain: string; name: string }) {
  const removal = useRemoveDomain(domain);
  const t = useTranslations("domains.remove");
  return (
    <ConfirmRemoveButton
      name={name}
      icon={<Trash2 aria-hidden />}
      confirmLabel={t("confirm")}
      removal={removal}
    >
      {t("body")}
    </ConfirmRemoveButton>
  );
}
