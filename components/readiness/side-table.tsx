import { Badge } from "@/components/ui/badge";
import type { SideFailure } from "@/lib/readiness/types";
import { ScrollTable } from "@/components/ui/scroll-region";

// Issue 15 item 4: whose failure it is, with the reason. Sender-side failures are shown
// and explained but do not block enforce; unknown ones block.

const TONE = { ours: "bad", sender: "neutral", unknown: "warn" } as const;
const LABEL = { ours: "our side", sender: "sender side", unknown: "unknown" } as const;

export function SideTable({ sides }: { sides: readonly SideFailure[] }) {
  if (sides.length === 0) return null;
  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm">
      <h3 className="font-medium">Whose failure is it?</h3>
      <ScrollTable className="mt-2 w-full text-xs" label="Failures by side">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1">Day</th>
            <th>Reporter</th>
            <th>Result type</th>
            <th>MX</th>
            <th className="text-right">Sessions</th>
            <th>Side and why</th>
          </tr>
        </thead>
        <tbody>
          {sides.map((s, i) => (
            <tr key={i} className="border-t border-slate-100 align-top" data-side={s.side}>
              <td className="py-1 font-mono">{s.day}</td>
              <td>{s.organization}</td>
              <td className="font-mono">{s.resultType}</td>
              <td className="font-mono">{s.mxHost ?? "—"}</td>
              <td className="text-right tabular-nums">{s.sessions}</td>
              <td>
                <Badge tone={TONE[s.side]}>{LABEL[s.side]}</Badge>{" "}
                <span className="text-slate-700">{s.why}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
