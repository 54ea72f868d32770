import { cn } from "@/components/ui/cn";
import type { DiffLine } from "@/lib/rollout/types";
import { CodeBlock } from "@/components/ui/scroll-region";

/** A line diff as text: "-" removed, "+" added, in colour but readable without it. */
export function DiffView({ lines, label }: { lines: readonly DiffLine[]; label: string }) {
  return (
    <CodeBlock label={label} className="rounded-md border border-slate-200 font-mono text-xs">
      {lines.map((l, i) => (
        <div
          key={i}
          className={cn(
            "px-3 whitespace-pre",
            l.kind === "removed" && "bg-red-50 text-red-800",
            l.kind === "added" && "bg-emerald-50 text-emerald-800",
          )}
        >
          {l.kind === "same" ? "  " : l.kind === "removed" ? "- " : "+ "}
          {l.text}
        </div>
      ))}
    </CodeBlock>
  );
}
