"use client";

import { UserMinus } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConfirmRemoveButton } from "@/components/ui/confirm-remove-button";
import { useRemoveUser } from "@/lib/query/admin-mutations";

export function RemoveUserButton({ id, email }: { id: string; email: string }) {
  const removal = useRemoveUser(id);
  const t = useTranslations("users.remove");
  return (
    <ConfirmRemoveButton
      name={email}
      icon={<UserMinus aria-hidden />}
      confirmLabel={t("confirm")}
      removal={removal}
    >
      {t("body")}
    </ConfirmRemoveButton>
  );
}
