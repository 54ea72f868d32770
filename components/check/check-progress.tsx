import { CheckCircle2, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { CheckStreamState, ProbeState } from "./use-check-stream";

type ProgressT = ReturnType<typeof useTranslations<"check.progress">>;

const probeLabel = (t: ProgressT, p: ProbeState, domain: string): string => {
  if (p.name === "mta-sts-txt") return t("txt", { domain });
  if (p.name === "policy") return t("policy", { host: p.target ?? `mta-sts.${domain}` });
  if (p.name === "mx-records") return t("mxRecords");
  if (p.name === "coverage") return t("coverage");
  if (p.name === "tlsrpt") return t("tlsrpt", { domain });
  if (p.name === "auth") return t("auth");
  if (p.name.startsWith("mx:")) return t("mx", { host: p.target ?? p.name.slice(3) });
  return p.name;
};

export function CheckProgress({ domain, state }: { domain: string; state: CheckStreamState }) {
  const t = useTranslations("check.progress");
  const { finished, total } = state.progress;
  const running = state.phase === "running";
  const pct = total === 0 ? 0 : Math.round((finished / total) * 100);
  const label = running
    ? t("running", { finished, total })
    : state.phase === "stored"
      ? t("stored", { total })
      : t("stopped", { finished, total });
  return (
    <div className="space-y-3" data-testid="check-progress" data-phase={state.phase}>
      <div>
        <p className="text-sm text-slate-700" aria-live="polite">
          {label}
        </p>
        <div
          role="progressbar"
          aria-label={t("label")}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={finished}
          className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
        >
          <div
            className="h-full rounded-full bg-brand-600 transition-[width]"
            style={{ width: `${state.phase === "stored" ? 100 : pct}%` }}
          />
        </div>
      </div>
      <ul aria-label={t("probes")} className="grid gap-1 text-sm sm:grid-cols-2">
        {state.probes.map((p) => (
          <li key={p.name} data-probe={p.name} data-state={p.state} className="flex gap-2">
            {p.state === "done" ? (
              <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
            ) : (
              <Loader2 aria-hidden className="mt-0.5 size-4 shrink-0 animate-spin text-slate-400" />
            )}
            <span className="min-w-0 break-all text-slate-700">
              {probeLabel(t, p, domain)}
              <span className="text-slate-500">
                {p.state === "done" ? ` · ${p.ms ?? 0} ms` : t("probeRunning")}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
