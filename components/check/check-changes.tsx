import { useLocale, useTranslations } from "next-intl";
import { formatUtcSecond } from "@/lib/core/format-date";
import type { ChangeKind, ResultChange } from "@/lib/checker/diff";
import type { CheckResult } from "@/lib/checker/types";
import type { CheckRunJson } from "@/lib/db/checks/check-run-view";
import { Badge } from "@/components/ui/badge";
import { AddressTag } from "./check-results";
import { useResultText } from "./result-text";
import { SeverityBadge } from "./severity";

const KIND = {
  regressed: { label: "regressed", tone: "bad" },
  new: { label: "new", tone: "warn" },
  changed: { label: "changed", tone: "warn" },
  fixed: { label: "fixed", tone: "good" },
  evidence: { label: "evidence", tone: "neutral" },
  gone: { label: "gone", tone: "neutral" },
} as const satisfies Record<
  ChangeKind,
  { label: ChangeKind; tone: "bad" | "good" | "warn" | "neutral" }
>;
const ORDER: ChangeKind[] = ["regressed", "new", "changed", "fixed", "evidence", "gone"];

/** New problems first: a "new" result that is ok/info is listed after the ones to act on. */
const rank = (c: ResultChange) =>
  ORDER.indexOf(c.kind) * 2 +
  (c.after?.severity === "error" || c.after?.severity === "warning" ? 0 : 1);

export function CheckChanges({
  previous,
  changes,
}: {
  previous: CheckRunJson | null;
  changes: readonly ResultChange[] | null;
}) {
  const t = useTranslations("check.changes");
  const locale = useLocale();
  const text = useResultText();
  if (!previous || !changes) return <p className="text-sm text-slate-600">{t("first")}</p>;
  const time = formatUtcSecond(previous.startedAt, locale);
  if (changes.length === 0) return <p className="text-sm text-slate-700">{t("none", { time })}</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">{t("count", { count: changes.length, time })}</p>
      <ul className="space-y-2">
        {[...changes]
          .sort((a, b) => rank(a) - rank(b))
          .map((c, i) => (
            <li
              key={`${c.kind}|${c.id}|${c.target ?? ""}|${c.address ?? ""}|${i}`}
              data-testid="check-change"
              data-kind={c.kind}
              data-id={c.id}
              className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 p-2 text-sm"
            >
              <Badge tone={KIND[c.kind].tone}>{t(KIND[c.kind].label)}</Badge>
              <span className="font-mono text-xs text-slate-600">{c.id}</span>
              {c.target ? (
                <span className="text-xs break-all text-slate-500">{c.target}</span>
              ) : null}
              {c.address ? <AddressTag address={c.address} /> : null}
              <span className="flex items-center gap-1">
                {c.before ? <SeverityBadge severity={c.before.severity} /> : "–"}
                <span aria-hidden>→</span>
                <span className="sr-only">{t("to")}</span>
                {c.after ? <SeverityBadge severity={c.after.severity} /> : "–"}
              </span>
              <span className="w-full text-slate-800">
                {text((c.after ?? c.before) as CheckResult, "title")}
              </span>
            </li>
          ))}
      </ul>
    </div>
  );
}
