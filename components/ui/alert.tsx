import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import { cn } from "./cn";

const tones = {
  info: { box: "border-brand-100 bg-brand-50 text-brand-700", Icon: Info },
  good: { box: "border-emerald-200 bg-emerald-50 text-emerald-800", Icon: CheckCircle2 },
  warn: { box: "border-amber-200 bg-amber-50 text-amber-900", Icon: AlertTriangle },
  bad: { box: "border-red-200 bg-red-50 text-red-800", Icon: XCircle },
} as const;

export function Alert({
  tone = "info",
  children,
  className,
  ...props
}: { tone?: keyof typeof tones } & React.HTMLAttributes<HTMLDivElement>) {
  const { box, Icon } = tones[tone];
  return (
    <div
      role={tone === "bad" ? "alert" : "status"}
      className={cn("flex gap-2 rounded-md border px-3 py-2 text-sm", box, className)}
      {...props}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      {/* Long settings and URLs wrap instead of widening a phone's page. */}
      <div className="min-w-0 wrap-anywhere">{children}</div>
    </div>
  );
}
