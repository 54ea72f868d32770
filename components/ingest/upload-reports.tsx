"use client";

import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { NestedMessageRef } from "@/lib/i18n/message-ref";
import { useRejectionReason } from "./rejection-reason";

type Status = "stored" | "duplicate" | "conflict" | "rejected" | "no-report" | "error";

interface FileResult {
  name: string;
  status: Status | "waiting" | "sending";
  /** The route's own words (its reason or error), shown as it wrote them where `reasonRef`
   * names no message for them. */
  reason?: string;
  reasonRef?: NestedMessageRef | null;
  /** No answer from the route to show: the component says what happened. */
  failure?: { httpStatus: number } | "unreachable";
}

const ACCEPT = ".json,.gz,.eml,application/json,application/gzip,message/rfc822";
const TONE: Record<FileResult["status"], "good" | "neutral" | "warn" | "bad" | "info"> = {
  stored: "good",
  duplicate: "neutral",
  conflict: "warn",
  rejected: "bad",
  "no-report": "warn",
  error: "bad",
  waiting: "neutral",
  sending: "info",
};

/** One POST per file to the admin upload endpoint, two at a time, each with its outcome. */
async function send(
  file: File,
): Promise<Pick<FileResult, "status" | "reason" | "reasonRef" | "failure">> {
  try {
    const res = await fetch(`/api/reports/upload?filename=${encodeURIComponent(file.name)}`, {
      method: "POST",
      body: file,
      headers: { "content-type": file.type || "application/octet-stream" },
    });
    const body = (await res.json().catch(() => null)) as {
      status?: Status;
      reason?: string | null;
      reasonRef?: NestedMessageRef | null;
      error?: string;
    } | null;
    if (body?.status)
      return { status: body.status, reason: body.reason ?? undefined, reasonRef: body.reasonRef };
    if (body?.error) return { status: "error", reason: body.error };
    return { status: "error", failure: { httpStatus: res.status } };
  } catch {
    return { status: "error", failure: "unreachable" };
  }
}

export function UploadReports() {
  const t = useTranslations("settings.upload");
  const reasonOf = useRejectionReason();
  const [results, setResults] = useState<FileResult[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const done = results.filter((r) => r.status !== "waiting" && r.status !== "sending").length;
  const busy = done < results.length;

  async function upload(files: File[]) {
    if (files.length === 0 || busy) return;
    setResults(files.map((f) => ({ name: f.name, status: "waiting" })));
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        const file = files[i] as File;
        setResults((rs) => rs.map((r, j) => (j === i ? { ...r, status: "sending" } : r)));
        const out = await send(file);
        setResults((rs) => rs.map((r, j) => (j === i ? { name: r.name, ...out } : r)));
      }
    };
    await Promise.all([worker(), worker()]);
  }

  const count = (s: Status) => results.filter((r) => r.status === s).length;
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <div className="space-y-4 px-5 py-4">
        {/* The drop zone is only a drop target; the keyboard and screen-reader way in is the
            real "Choose files" button. The file input itself is hidden, so it is neither an
            unnamed 1x1 px Tab stop nor nested in another control (issue 16). */}
        <div
          data-testid="upload-dropzone"
          onClick={(e) => {
            if (e.target === e.currentTarget) input.current?.click();
          }}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void upload([...e.dataTransfer.files]);
          }}
          className={cn(
            "flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-sm text-slate-600",
            over ? "border-brand-600 bg-brand-50" : "border-slate-300",
          )}
        >
          <Upload aria-hidden className="size-6" />
          <span id="upload-hint">{t("hint")}</span>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            aria-describedby="upload-hint"
            onClick={() => input.current?.click()}
          >
            {t("choose")}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            data-testid="upload-input"
            onChange={(e) => {
              void upload([...(e.target.files ?? [])]);
              e.target.value = "";
            }}
          />
        </div>
        {results.length > 0 ? (
          <div className="space-y-2">
            <div className="flex items-center gap-3 text-sm">
              <progress
                className="h-2 flex-1"
                max={results.length}
                value={done}
                aria-label={t("progressLabel")}
              />
              <span role="status" data-testid="upload-progress">
                {t("progress", { done, total: results.length })}
              </span>
            </div>
            {!busy ? (
              <p className="text-sm text-slate-700" data-testid="upload-summary">
                {t("summary", {
                  stored: count("stored"),
                  duplicates: count("duplicate"),
                  conflicts: count("conflict"),
                  rejected: count("rejected") + count("error"),
                  noReport: count("no-report"),
                })}
              </p>
            ) : null}
            <ul className="divide-y divide-slate-100 text-sm" aria-label={t("resultsLabel")}>
              {results.map((r, i) => (
                <li key={i} className="flex flex-wrap items-center gap-2 py-1.5">
                  <span className="font-mono text-xs">{r.name}</span>
                  <Badge tone={TONE[r.status]}>
                    {t(`status.${r.status === "error" ? "rejected" : r.status}`)}
                  </Badge>
                  {r.reason ? (
                    <span className="text-slate-600">
                      {reasonOf({ reason: r.reason, reasonRef: r.reasonRef ?? null })}
                    </span>
                  ) : null}
                  {r.failure ? (
                    <span className="text-slate-600">
                      {r.failure === "unreachable"
                        ? t("unreachable")
                        : t("serverAnswered", { status: String(r.failure.httpStatus) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
