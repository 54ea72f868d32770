"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { useSetHosting } from "@/lib/query/domain-mutations";

type Hosting = "hosted" | "self";

const TEXT = {
  hosted: ["hostedTitle", "hostedHint"],
  self: ["selfTitle", "selfHint"],
} as const;

export function HostingChoice({
  domain,
  hosting,
  canEdit,
}: {
  domain: string;
  hosting: Hosting;
  canEdit: boolean;
}) {
  const t = useTranslations("wizard.publish");
  const change = useSetHosting(domain);
  return (
    <fieldset className="space-y-2 p-5">
      <legend className="sr-only">{t("whoTitle")}</legend>
      {(["hosted", "self"] as const).map((h) => (
        <label key={h} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="hosting"
            value={h}
            checked={hosting === h}
            disabled={!canEdit || change.isPending}
            onChange={() => change.mutate(h)}
            className="mt-1"
          />
          <span>
            <span className="font-medium">{t(TEXT[h][0])}</span>
            <span className="block text-slate-600">{t(TEXT[h][1], { domain })}</span>
          </span>
        </label>
      ))}
      {change.isError ? <Alert tone="bad">{change.error.message}</Alert> : null}
    </fieldset>
  );
}
