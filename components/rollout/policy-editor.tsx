"use client";

import { Save } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
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

const MODE_TEXT: Record<StsMode, string> = {
  testing: "Senders deliver as before and report TLS problems. Start here.",
  enforce:
    "Senders refuse to deliver over unauthenticated TLS. Only after clean reports (Enforce tab).",
  none: "Opt out: tells senders to forget the policy (removal, STS-OPS-9).",
};

/** Live preview: the exact bytes that will be served, and every problem found in them. */
function preview(mode: StsMode, maxAge: string, mxText: string, domain: string, liveMx: string[]) {
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
      message: "max_age must be a whole number of seconds.",
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
        message: `The live MX host ${host} matches no mx pattern: senders would ${mode === "enforce" ? "refuse" : "report"} mail to it.`,
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
  const [mode, setMode] = useState<StsMode>(props.start.mode);
  const [maxAge, setMaxAge] = useState(String(props.start.maxAge));
  const [mxText, setMxText] = useState(props.start.mx.join("\n"));
  const p = useMemo(
    () => preview(mode, maxAge, mxText, props.domain, props.liveMx),
    [mode, maxAge, mxText, props.domain, props.liveMx],
  );
  const advice = proposeMaxAge(mode, null, new Date());
  const hasErrors = p.problems.some((d) => d.severity === "error");
  const unchanged = p.body !== null && p.body === props.currentBody;
  const save = useSavePolicy(props.domain);

  return (
    <Card>
      <CardHeader
        title="Policy"
        description="Saving creates a new, immutable version with a new id. Nothing changes for senders until it is served (step 3) and the DNS id names it (step 4)."
      />
      <form
        className="grid gap-6 p-5 lg:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(p.draft);
        }}
      >
        <div className="space-y-5">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Mode</legend>
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
                  <span className="block text-slate-600">{MODE_TEXT[m]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="space-y-1.5">
            <Label htmlFor="max-age">max_age (seconds)</Label>
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
                Use {advice.maxAge}
              </Button>
            </div>
            <p className="text-xs text-slate-600">{advice.reason}</p>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="mx">MX patterns (one per line)</Label>
            <textarea
              id="mx"
              rows={5}
              value={mxText}
              spellCheck={false}
              onChange={(e) => setMxText(e.target.value)}
              className="w-full rounded-md border border-slate-300 p-2 font-mono text-sm"
            />
          </div>
        </div>
        <div className="space-y-3">
          <h3 className="text-sm font-medium">Preview: the exact file senders will fetch</h3>
          <CodeBlock
            label="Policy preview"
            className="min-h-24 rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
          >
            {p.body ?? "(no valid policy yet)"}
          </CodeBlock>
          {p.body ? (
            <p className="text-xs text-slate-600">
              {new TextEncoder().encode(p.body).length} bytes, lines end with CRLF, version first.
            </p>
          ) : null}
          <ul aria-label="Policy problems" className="space-y-1">
            {p.problems.map((d, i) => (
              <li key={i}>
                <Alert
                  tone={d.severity === "error" ? "bad" : d.severity === "warning" ? "warn" : "info"}
                >
                  {d.message} <span className="font-mono text-xs opacity-70">{d.id}</span>
                </Alert>
              </li>
            ))}
          </ul>
          {unchanged ? (
            <Alert tone="info">This is the version already current: nothing to save.</Alert>
          ) : null}
          <Button type="submit" disabled={hasErrors || unchanged || save.isPending}>
            <Save aria-hidden />
            {save.isPending ? "Saving…" : "Save as a new version"}
          </Button>
          {save.isError ? <Alert tone="bad">{save.error.message}</Alert> : null}
          {save.isSuccess ? (
            <Alert tone="good">
              Saved version {save.data.policyId}. Next:{" "}
              <Link className="underline" href={`/domains/${props.domain}/publish`}>
                serve it (step 3)
              </Link>
              , then change the DNS id (step 4).
            </Alert>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
