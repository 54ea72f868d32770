import { useTranslations } from "next-intl";
import type { Messages } from "@/lib/i18n/messages";
import { resultTypeGroup } from "@/lib/stats/result-types";
import { KNOWN_RESULT_TYPES } from "@/lib/tlsrpt/result-types";
import { PatternSwatch } from "./chart-patterns";

type KnownType = keyof Messages["reports"]["legend"]["type"];
type GroupKey = keyof Messages["reports"]["legend"]["group"];

const isKnown = (t: string): t is KnownType => KNOWN_RESULT_TYPES.includes(t);

// The dashboard buckets (spec §10.3) by message key.
const GROUP_KEY: Record<string, GroupKey> = {
  "MX TLS": "mxTls",
  "MX certificate": "mxCertificate",
  DANE: "dane",
  "Policy host": "policyHost",
  "Policy content": "policyContent",
};

/** What each result type means, in plain words (spec §10.3). */
export function ResultTypeLegend({ types }: { types: string[] }) {
  const t = useTranslations("reports.legend");
  if (types.length === 0) return null;
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2" aria-label={t("label")}>
      {types.map((type) => (
        // A dl holds only dt/dd groups in divs (axe "definition-list"): the swatch sits in the dt.
        <div key={type} className="relative pl-5">
          <dt className="font-mono text-xs font-medium">
            <PatternSwatch series={type} className="absolute top-0.5 left-0" />
            {type}{" "}
            <span className="font-sans font-normal text-slate-500">
              ({t(`group.${GROUP_KEY[resultTypeGroup(type)] ?? "other"}`)})
            </span>
          </dt>
          {/* RPT-JSON-10: a type we do not know is shown as "other", its name kept verbatim. */}
          <dd className="text-slate-600">
            {isKnown(type) ? t(`type.${type}`) : t("otherType", { type })}
          </dd>
        </div>
      ))}
    </dl>
  );
}
