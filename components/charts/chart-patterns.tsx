import {
  SESSION_COLORS,
  patternId,
  resultTypePattern,
  type PatternKind,
} from "@/lib/stats/chart-palette";
import { resultTypeColor } from "@/lib/stats/result-types";

// The fills the charts and the legend refer to (fill="url(#…)"), defined once per page:
// a pattern per series, so no series is told apart by colour alone (issue 16 §3).
const MARKS: Partial<Record<PatternKind, string>> = {
  diagonal: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4",
  horizontal: "M0,4 h8",
  vertical: "M4,0 v8",
  cross: "M0,4 h8 M4,0 v8",
};

function Pattern({
  id,
  kind,
  color,
  ink,
}: {
  id: string;
  kind: PatternKind;
  color: string;
  ink: string;
}) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={color} />
      {MARKS[kind] ? <path d={MARKS[kind]} stroke={ink} strokeWidth="1.5" fill="none" /> : null}
      {kind === "dots" ? <circle cx="4" cy="4" r="1.6" fill={ink} /> : null}
    </pattern>
  );
}

export function ChartPatterns({ resultTypes }: { resultTypes: readonly string[] }) {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="absolute">
      <defs>
        <Pattern
          id={patternId("failed")}
          kind="diagonal"
          color={SESSION_COLORS.failed}
          ink={SESSION_COLORS.failedHatch}
        />
        {resultTypes.map((t) => (
          <Pattern
            key={t}
            id={patternId(t)}
            kind={resultTypePattern(t)}
            color={resultTypeColor(t)}
            ink="#ffffff"
          />
        ))}
      </defs>
    </svg>
  );
}

/** A legend swatch showing a series' pattern. */
export function PatternSwatch({ series, className }: { series: string; className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" width="12" height="12" className={className}>
      <rect width="12" height="12" rx="2" fill={`url(#${patternId(series)})`} />
    </svg>
  );
}
