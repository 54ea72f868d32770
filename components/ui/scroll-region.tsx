import { cn } from "./cn";

// Issue 16 §1-2: content wider than a phone (tables, code) scrolls inside its own box, not
// the page. A box that scrolls must be reachable by keyboard and say what it holds, so it is
// a named region that takes focus (WCAG 2.1.1, axe "scrollable-region-focusable"). It is
// positioned, so screen-reader-only (absolutely positioned) text inside is clipped with the
// rest instead of widening the page.

/** A table (or other wide content) that scrolls sideways inside a labelled, focusable region. */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn("relative overflow-x-auto", className)}
    >
      {children}
    </div>
  );
}

/** A code block that scrolls sideways when a line is longer than the screen. */
export function CodeBlock({
  label,
  className,
  ...props
}: { label: string } & React.HTMLAttributes<HTMLPreElement>) {
  return (
    <pre
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn("relative overflow-x-auto", className)}
      {...props}
    />
  );
}

/** A table that scrolls sideways inside its own labelled region; the table has the same name. */
export function ScrollTable({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <ScrollRegion label={label}>
      <table className={className} aria-label={label}>
        {children}
      </table>
    </ScrollRegion>
  );
}
