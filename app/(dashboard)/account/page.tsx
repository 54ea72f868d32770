import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguageSelect } from "@/components/account/language-select";
import { Card, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** Every user's own settings, whatever the role: the UI language (issue 16 §6). */
export default async function AccountPage() {
  const user = await requirePageUser();
  const t = await getTranslations("account");
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      <Card>
        <CardHeader title={t("languageTitle")} description={t("languageHint")} />
        <div className="p-5">
          <LanguageSelect current={user.locale} />
        </div>
      </Card>
    </div>
  );
}
