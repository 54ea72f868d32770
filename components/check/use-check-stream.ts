"use client";

import { useCallback, useRef, useState } from "react";
import type { CheckResult, ProbeProgress } from "@/lib/checker/types";
import type { RunStreamEvent } from "@/lib/check-runs/run-domain-check";

// Runs a check through POST /api/domains/<name>/checks and follows its NDJSON stream:
// probes as they start and finish, results as they arrive.

export interface ProbeState {
  name: string;
  target?: string;
  state: "running" | "done";
  ms?: number;
}

export interface CheckStreamState {
  phase: "idle" | "running" | "stored" | "failed";
  runId: string | null;
  probes: ProbeState[];
  results: CheckResult[];
  progress: ProbeProgress;
  error: string | null;
}

const IDLE: CheckStreamState = {
  phase: "idle",
  runId: null,
  probes: [],
  results: [],
  progress: { finished: 0, total: 0 },
  error: null,
};

function apply(s: CheckStreamState, e: RunStreamEvent): CheckStreamState {
  switch (e.type) {
    case "run":
      return { ...s, runId: e.id };
    case "probe-started": {
      const probe: ProbeState = { name: e.probe, state: "running" };
      if (e.target) probe.target = e.target;
      return {
        ...s,
        probes: [...s.probes, probe],
        progress: { ...s.progress, total: Math.max(s.progress.total, s.probes.length + 1) },
      };
    }
    case "result":
      return { ...s, results: [...s.results, e.result] };
    case "probe-finished":
      return {
        ...s,
        probes: s.probes.map((p) =>
          p.name === e.probe ? { ...p, state: "done" as const, ms: e.ms } : p,
        ),
        progress: e.progress,
      };
    case "done":
      return { ...s, results: e.report.results };
    case "stored":
      return { ...s, phase: "stored" };
    case "failed":
      return { ...s, phase: "failed", error: e.message };
  }
}

export function useCheckStream(domain: string, onStored: (runId: string) => void) {
  const [state, setState] = useState<CheckStreamState>(IDLE);
  const busy = useRef(false);

  const start = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ ...IDLE, phase: "running" });
    let current: CheckStreamState = { ...IDLE, phase: "running" };
    const push = (e: RunStreamEvent) => {
      current = apply(current, e);
      setState(current);
    };
    try {
      const res = await fetch(`/api/domains/${encodeURIComponent(domain)}/checks`, {
        method: "POST",
        // The API takes JSON only (lib/http/same-origin.ts); this request has no fields.
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `The check could not start (HTTP ${res.status}).`);
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) if (line.trim()) push(JSON.parse(line) as RunStreamEvent);
      }
      if (current.phase === "running")
        push({ type: "failed", id: current.runId ?? "", message: "The connection ended early." });
      if (current.phase === "stored" && current.runId) onStored(current.runId);
    } catch (e) {
      setState({
        ...current,
        phase: "failed",
        error: e instanceof Error ? e.message : "The check could not run.",
      });
    } finally {
      busy.current = false;
    }
  }, [domain, onStored]);

  return { state, start };
}
