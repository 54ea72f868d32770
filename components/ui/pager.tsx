import Link from "next/link";
import { useTranslations } from "next-intl";

// Links to the neighbouring pages of a list (issue 16): plain links, so each page has its
// own URL. `previous`/`next` are null on the first/last page.
export function Pager({
  label,
  status,
  previous,
  next,
  previousLabel,
  nextLabel,
}: {
  label: string;
  status: string;
  previous: string | null;
  next: string | null;
  previousLabel?: string;
  nextLabel?: string;
}) {
  const t = useTranslations("ui.pager");
  if (previous === null && next === null) return null;
  return (
    <nav
      aria-label={label}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-5 py-3 text-sm"
    >
      <p className="text-slate-600">{status}</p>
      <div className="flex gap-4">
        {previous !== null ? (
          <Link href={previous} className="text-brand-700 hover:underline">
            {previousLabel ?? t("previous")}
          </Link>
        ) : null}
        {next !== null ? (
          <Link href={next} className="text-brand-700 hover:underline">
            {nextLabel ?? t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
