import { useTranslations } from "next-intl";
import type { CheckResult } from "@/lib/checker/types";
import { compareResults } from "@/lib/checker/report";
import { groupResults } from "./group-results";
import { useResultText } from "./result-text";
import { SeverityBadge } from "./severity";
import { CodeBlock } from "@/components/ui/scroll-region";

export function CheckResults({
  domain,
  results,
}: {
  domain: string;
  results: readonly CheckResult[];
}) {
  const t = useTranslations("check.groups");
  const groups = groupResults(domain, [...results].sort(compareResults)).map((g) => ({
    ...g,
    title: groupTitle(t, g.key, domain),
  }));
  return (
    <div className="space-y-5">
      {groups.map((g) => (
        <section key={g.key} aria-label={g.title} className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800 break-all">{g.title}</h3>
          <ul className="space-y-2">
            {g.results.map((r, i) => (
              <ResultItem key={`${r.id}|${r.target ?? ""}|${r.address ?? ""}|${i}`} result={r} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

type GroupT = ReturnType<typeof useTranslations<"check.groups">>;

/** The group's heading in the user's language, from its key (group-results.ts). */
function groupTitle(t: GroupT, key: string, domain: string): string {
  if (key.startsWith("mx:")) return t("mxHost", { host: key.slice(3) });
  if (key === "host") return t("host", { host: `mta-sts.${domain}` });
  if (key === "txt" || key === "policy" || key === "mx" || key === "rpt" || key === "auth")
    return t(key);
  return t("other");
}

function ResultItem({ result: r }: { result: CheckResult }) {
  const t = useTranslations("check");
  const text = useResultText();
  const evidence = text(r, "evidence");
  const fix = text(r, "fix");
  return (
    <li
      data-testid="check-result"
      data-id={r.id}
      data-severity={r.severity}
      data-target={r.target ?? ""}
      data-address={r.address ?? ""}
      className={
        r.severity === "ok"
          ? "rounded-md border border-slate-100 px-3 py-2"
          : "rounded-md border border-slate-200 p-3"
      }
    >
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={r.severity} />
        <span className="font-mono text-xs text-slate-600">{r.id}</span>
        {r.target ? <span className="text-xs break-all text-slate-500">{r.target}</span> : null}
        {r.address ? <AddressTag address={r.address} /> : null}
      </div>
      <p className="mt-1.5 text-sm font-medium text-slate-900">{text(r, "title")}</p>
      {evidence && r.severity === "ok" ? (
        // Passes stay short: what was seen is one click away.
        <details className="mt-1">
          <summary className="cursor-pointer text-xs font-medium text-slate-500">
            {t("seen")}
          </summary>
          <Evidence text={evidence} />
        </details>
      ) : evidence ? (
        <div className="mt-2">
          <p className="text-xs font-medium text-slate-500">{t("seen")}</p>
          <Evidence text={evidence} />
        </div>
      ) : null}
      {fix ? (
        <div className="mt-2">
          <p className="text-xs font-medium text-slate-500">{t("fix")}</p>
          <p className="mt-0.5 text-sm break-words text-slate-800">{fix}</p>
        </div>
      ) : null}
    </li>
  );
}

/** Per-address checks (every A and AAAA address is probed on its own) name the address. */
export function AddressTag({ address }: { address: string }) {
  return (
    <span
      data-testid="result-address"
      className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all text-slate-700"
    >
      {address.includes(":") ? "IPv6" : "IPv4"} {address}
    </span>
  );
}

function Evidence({ text }: { text: string }) {
  const t = useTranslations("checks.page");
  return (
    <CodeBlock
      label={t("evidenceLabel")}
      className="mt-0.5 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs break-all whitespace-pre-wrap text-slate-800"
    >
      {text}
    </CodeBlock>
  );
}
