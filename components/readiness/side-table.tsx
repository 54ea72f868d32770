import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { SideFailure } from "@/lib/readiness/types";
import { formatUtcDay } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";
import { useReasonText } from "./reason-text";

// Issue 15 item 4: whose failure it is, with the reason. Sender-side failures are shown
// and explained but do not block enforce; unknown ones block. The reason in the user's
// language (issue 16 §6), or as stored for a verdict from before its ref.

const TONE = { ours: "bad", sender: "neutral", unknown: "warn" } as const;

export function SideTable({ sides }: { sides: readonly SideFailure[] }) {
  const t = useTranslations("readinessTables.side");
  const locale = useLocale();
  const { reason } = useReasonText();
  if (sides.length === 0) return null;
  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm">
      <h3 className="font-medium">{t("title")}</h3>
      <ScrollTable className="mt-2 w-full text-xs" label={t("label")}>
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1">{t("day")}</th>
            <th>{t("reporter")}</th>
            <th>{t("resultType")}</th>
            <th>{t("mx")}</th>
            <th className="text-right">{t("sessions")}</th>
            <th>{t("why")}</th>
          </tr>
        </thead>
        <tbody>
          {sides.map((s, i) => (
            <tr key={i} className="border-t border-slate-100 align-top" data-side={s.side}>
              <td className="py-1 font-mono">{formatUtcDay(s.day, locale)}</td>
              <td>{s.organization}</td>
              <td className="font-mono">{s.resultType}</td>
              <td className="font-mono">{s.mxHost ?? "—"}</td>
              <td className="text-right tabular-nums">{formatCount(s.sessions, locale)}</td>
              <td>
                <Badge tone={TONE[s.side]}>{t("side", { side: s.side })}</Badge>{" "}
                <span className="text-slate-700">{(s.whyRef && reason(s.whyRef)) ?? s.why}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
