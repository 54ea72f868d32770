import { explainResultType, resultTypeColor, resultTypeGroup } from "@/lib/stats/result-types";

/** What each result type means, in plain words (spec §10.3). */
export function ResultTypeLegend({ types }: { types: string[] }) {
  if (types.length === 0) return null;
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2" aria-label="Result types">
      {types.map((t) => (
        <div key={t} className="flex gap-2">
          <span
            aria-hidden
            className="mt-1 size-3 shrink-0 rounded-sm"
            style={{ backgroundColor: resultTypeColor(t) }}
          />
          <div>
            <dt className="font-mono text-xs font-medium">
              {t}{" "}
              <span className="font-sans font-normal text-slate-500">({resultTypeGroup(t)})</span>
            </dt>
            <dd className="text-slate-600">{explainResultType(t)}</dd>
          </div>
        </div>
      ))}
    </dl>
  );
}
