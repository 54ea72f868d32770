"use client";

import { Save } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Diagnostic } from "@/lib/core/diagnostic";
import { findMatchingPattern } from "@/lib/mta-sts/mx-pattern";
import { parsePolicy } from "@/lib/mta-sts/policy";
import { formatPolicy } from "@/lib/mta-sts/policy-format";
import { STS_MODES, type StsMode } from "@/lib/mta-sts/policy-types";
import { proposeMaxAge } from "@/lib/mta-sts/propose";
import { useSavePolicy } from "@/lib/query/domain-mutations";
import { CodeBlock } from "@/components/ui/scroll-region";

export interface EditorStart {
  mode: StsMode;
  maxAge: number;
  mx: string[];
}

const MODE_TEXT = {
  testing: "modeTesting",
  enforce: "modeEnforce",
  none: "modeNone",
} as const satisfies Record<StsMode, string>;

type EditorT = ReturnType<typeof useTranslations<"wizard.policy">>;

/** Live preview: the exact bytes that will be served, and every problem found in them. */
function preview(
  t: EditorT,
  mode: StsMode,
  maxAge: string,
  mxText: string,
  domain: string,
  liveMx: string[],
) {
  const mx = mxText
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const age = /^\d+$/.test(maxAge.trim()) ? Number(maxAge.trim()) : NaN;
  const problems: Diagnostic[] = [];
  if (Number.isNaN(age)) {
    problems.push({
      id: "STS-POL-8",
      severity: "error",
      message: t("maxAgeNotNumber"),
    });
  }
  const formatted = formatPolicy({ mode, maxAge: Number.isNaN(age) ? 0 : age, mx });
  const body = formatted.ok ? formatted.value : null;
  if (!formatted.ok) problems.push(...formatted.error);
  else problems.push(...parsePolicy(formatted.value, { policyDomain: domain }).diagnostics);
  if (mode !== "none") {
    for (const host of liveMx.filter((h) => findMatchingPattern(mx, h) === null)) {
      problems.push({
        id: "STS-MX-1",
        severity: mode === "enforce" ? "error" : "warning",
        message: t(mode === "enforce" ? "uncoveredRefuse" : "uncoveredReport", { host }),
      });
    }
  }
  return { draft: { mode, maxAge: age, mx }, body, problems };
}

export function PolicyEditor(props: {
  domain: string;
  start: EditorStart;
  liveMx: string[];
  currentBody: string | null;
}) {
  const t = useTranslations("wizard.policy");
  const td = useTranslations("diagnostics");
  const [mode, setMode] = useState<StsMode>(props.start.mode);
  const [maxAge, setMaxAge] = useState(String(props.start.maxAge));
  const [mxText, setMxText] = useState(props.start.mx.join("\n"));
  const p = useMemo(
    () => preview(t, mode, maxAge, mxText, props.domain, props.liveMx),
    [t, mode, maxAge, mxText, props.domain, props.liveMx],
  );
  const advice = proposeMaxAge(mode, null, new Date());
  const hasErrors = p.problems.some((d) => d.severity === "error");
  const unchanged = p.body !== null && p.body === props.currentBody;
  const save = useSavePolicy(props.domain);
  const hydrated = useHydrated();

  return (
    <Card>
      <CardHeader title={t("editorTitle")} description={t("editorHint")} />
      <form
        className="grid gap-6 p-5 lg:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(p.draft);
        }}
      >
        {/* Typing before hydration would be undone (use-hydrated.ts): the fields wait. */}
        <fieldset disabled={!hydrated} className="min-w-0 space-y-5">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("mode")}</legend>
            {STS_MODES.map((m) => (
              <label key={m} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                  className="mt-1"
                />
                <span>
                  <span className="font-mono font-medium">{m}</span>
                  <span className="block text-slate-600">{t(MODE_TEXT[m])}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="space-y-1.5">
            <Label htmlFor="max-age">{t("maxAge")}</Label>
            <div className="flex gap-2">
              <Input
                id="max-age"
                inputMode="numeric"
                value={maxAge}
                onChange={(e) => setMaxAge(e.target.value)}
              />
              <Button
                type="button"
                variant="secondary"
                onClick={() => setMaxAge(String(advice.maxAge))}
              >
                {t("useAdvice", { value: String(advice.maxAge) })}
              </Button>
            </div>
            <p className="text-xs text-slate-600">
              {td(advice.ref.key as Parameters<typeof td>[0], advice.ref.params)}
            </p>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="mx">{t("mxPatterns")}</Label>
            <textarea
              id="mx"
              rows={5}
              value={mxText}
              spellCheck={false}
              onChange={(e) => setMxText(e.target.value)}
              className="w-full rounded-md border border-slate-300 p-2 font-mono text-sm"
            />
          </div>
        </fieldset>
        <div className="space-y-3">
          <h3 className="text-sm font-medium">{t("previewTitle")}</h3>
          <CodeBlock
            label={t("previewLabel")}
            className="min-h-24 rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
          >
            {p.body ?? t("noValidPolicy")}
          </CodeBlock>
          {p.body ? (
            <p className="text-xs text-slate-600">
              {t("bytes", { bytes: new TextEncoder().encode(p.body).length })}
            </p>
          ) : null}
          <ul aria-label={t("problems")} className="space-y-1">
            {p.problems.map((d, i) => (
              <li key={i}>
                <Alert
                  tone={d.severity === "error" ? "bad" : d.severity === "warning" ? "warn" : "info"}
                >
                  {d.ref ? td(d.ref.key as Parameters<typeof td>[0], d.ref.params) : d.message}{" "}
                  <span className="font-mono text-xs opacity-70">{d.id}</span>
                </Alert>
              </li>
            ))}
          </ul>
          {unchanged ? <Alert tone="info">{t("unchanged")}</Alert> : null}
          <Button type="submit" disabled={hasErrors || unchanged || save.isPending}>
            <Save aria-hidden />
            {save.isPending ? t("saving") : t("save")}
          </Button>
          {save.isError ? <Alert tone="bad">{save.error.message}</Alert> : null}
          {save.isSuccess ? (
            <Alert tone="good">
              {t.rich("saved", {
                id: save.data.policyId,
                link: (chunks) => (
                  <Link className="underline" href={`/domains/${props.domain}/publish`}>
                    {chunks}
                  </Link>
                ),
              })}
            </Alert>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
