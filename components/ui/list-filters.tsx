import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { Input, Label } from "./input";

// A list's search and filters as a GET form (issue 16): submitting changes the URL, so the
// state is shareable and back/forward restores it; without JavaScript it is a plain GET.
// The page passes `stateKey` (the current query string) so the fields follow back/forward.
export function FilterForm({
  action,
  stateKey,
  label,
  clearHref,
  children,
}: {
  action: string;
  stateKey: string;
  label: string;
  clearHref: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("ui.filters");
  return (
    <Form
      key={stateKey}
      action={action}
      aria-label={label}
      className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4"
    >
      {children}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm">
          {t("apply")}
        </Button>
        <Link href={clearHref} className="text-sm text-brand-700 hover:underline">
          {t("clear")}
        </Link>
      </div>
    </Form>
  );
}

export function FilterText({
  label,
  id,
  name,
  value,
  type = "search",
  placeholder,
}: {
  label: string;
  id: string;
  name: string;
  value: string;
  type?: "search" | "date" | "text";
  placeholder?: string;
}) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        placeholder={placeholder}
        className="w-44"
      />
    </div>
  );
}

export function FilterSelect({
  label,
  id,
  name,
  value,
  options,
}: {
  label: string;
  id: string;
  name: string;
  value: string | null;
  options: readonly (readonly [value: string, label: string])[];
}) {
  const t = useTranslations("ui.filters");
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        className="block h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        <option value="">{t("any")}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
