import { useTranslations } from "next-intl";
import { cn } from "./cn";
import { ScrollRegion } from "./scroll-region";

export interface Column {
  label: string;
  align?: "right";
}

/**
 * A table with a header row that scrolls sideways in its own labelled region on a phone;
 * rows are the caller's <tr> elements. Without a label the region is named by its columns.
 */
export function DataTable({
  columns,
  label,
  cellPadding = "px-5",
  children,
}: {
  columns: readonly Column[];
  /** Accessible name, when the surrounding heading does not give one. */
  label?: string;
  cellPadding?: "px-4" | "px-5";
  children: React.ReactNode;
}) {
  const t = useTranslations("ui");
  const name = label ?? t("table", { columns: columns.map((c) => c.label).join(", ") });
  return (
    <ScrollRegion label={name}>
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                className={cn(cellPadding, "py-2 font-medium", c.align === "right" && "text-right")}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
