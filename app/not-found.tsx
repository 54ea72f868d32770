import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RequestReference } from "@/components/errors/request-id";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";

export default async function NotFound() {
  const requestId = (await headers()).get(REQUEST_ID_HEADER);
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-sm text-slate-600">{t("notFound.text")}</p>
      <RequestReference requestId={requestId} />
      <Link href="/domains" className="text-sm font-medium text-brand-700 hover:underline">
        {t("toDomains")}
      </Link>
    </main>
  );
}
