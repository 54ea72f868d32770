import { explainResultType, resultTypeGroup } from "@/lib/stats/result-types";
import { PatternSwatch } from "./chart-patterns";

/** What each result type means, in plain words (spec §10.3). */
export function ResultTypeLegend({ types }: { types: string[] }) {
  if (types.length === 0) return null;
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2" aria-label="Result types">
      {types.map((t) => (
        // A dl holds only dt/dd groups in divs (axe "definition-list"): the swatch sits in the dt.
        <div key={t} className="relative pl-5">
          <dt className="font-mono text-xs font-medium">
            <PatternSwatch series={t} className="absolute top-0.5 left-0" />
            {t} <span className="font-sans font-normal text-slate-500">({resultTypeGroup(t)})</span>
          </dt>
          <dd className="text-slate-600">{explainResultType(t)}</dd>
        </div>
      ))}
    </dl>
  );
}
