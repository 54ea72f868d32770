import { FileText, Globe2, Search, UploadCloud } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import type { DomainRecord } from "@/lib/db/domains/domains";
import type { RolloutState } from "@/lib/rollout/step-state";
import { StepBadge } from "./step-badge";

const STEPS = [
  {
    n: 1,
    slug: "check",
    key: "check",
    title: "checkTitle",
    icon: Search,
    text: "checkText",
  },
  {
    n: 2,
    slug: "policy",
    key: "policy",
    title: "policyTitle",
    icon: FileText,
    text: "policyText",
  },
  {
    n: 3,
    slug: "publish",
    key: "publish",
    title: "publishTitle",
    icon: UploadCloud,
    text: "publishText",
  },
  {
    n: 4,
    slug: "dns",
    key: "dns",
    title: "dnsTitle",
    icon: Globe2,
    text: "dnsText",
  },
] as const satisfies readonly { key: keyof RolloutState; [k: string]: unknown }[];

// Each badge comes from stored data and the latest live verification (lib/rollout/step-state);
// the page loads them and passes the state down.
export function RolloutSteps({ domain, state }: { domain: DomainRecord; state: RolloutState }) {
  const t = useTranslations("steps");
  return (
    <Card>
      <CardHeader title={t("overview.title")} description={t("overview.hint")} />
      <ol className="divide-y divide-slate-100">
        {STEPS.map((s) => (
          <li key={s.n} className="flex gap-4 px-5 py-4">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700">
              {s.n}
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium">
                  <Link href={`/domains/${domain.name}/${s.slug}`} className="hover:underline">
                    {t(`overview.${s.title}`)}
                  </Link>
                </h3>
                <StepBadge status={state[s.key].status} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {t(`overview.${s.text}`, { domain: "<domain>" })}
              </p>
              <p className="mt-1 text-sm text-slate-800">
                {t(
                  `state.${state[s.key].message.key}` as Parameters<typeof t>[0],
                  state[s.key].message.params,
                )}
              </p>
            </div>
            <s.icon aria-hidden className="mt-1 hidden size-5 text-slate-400 sm:block" />
          </li>
        ))}
      </ol>
    </Card>
  );
}
