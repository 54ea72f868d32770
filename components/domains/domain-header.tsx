import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DomainRecord } from "@/lib/db/domains/domains";
import { DomainTabs } from "./domain-tabs";

export function DomainHeader({ domain, readOnly }: { domain: DomainRecord; readOnly: boolean }) {
  const t = useTranslations("steps.header");
  return (
    <div>
      <Link href="/domains" className="text-sm text-brand-700 hover:underline">
        {t("back")}
      </Link>
      <h1 className="mt-1 text-2xl font-semibold break-all">{domain.displayName}</h1>
      {domain.displayName !== domain.name ? (
        <p className="font-mono text-xs text-slate-500">{domain.name}</p>
      ) : null}
      {readOnly ? <p className="mt-2 text-sm text-slate-600">{t("readOnly")}</p> : null}
      <DomainTabs name={domain.name} />
    </div>
  );
}
