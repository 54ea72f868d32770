"use client";

import { Upload } from "lucide-react";
import { useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

type Status = "stored" | "duplicate" | "conflict" | "rejected" | "no-report" | "error";

interface FileResult {
  name: string;
  status: Status | "waiting" | "sending";
  reason?: string;
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
async function send(file: File): Promise<Pick<FileResult, "status" | "reason">> {
  try {
    const res = await fetch(`/api/reports/upload?filename=${encodeURIComponent(file.name)}`, {
      method: "POST",
      body: file,
      headers: { "content-type": file.type || "application/octet-stream" },
    });
    const body = (await res.json().catch(() => null)) as {
      status?: Status;
      reason?: string | null;
      error?: string;
    } | null;
    if (body?.status) return { status: body.status, reason: body.reason ?? undefined };
    return { status: "error", reason: body?.error ?? `the server answered ${res.status}` };
  } catch {
    return { status: "error", reason: "the upload did not reach the server" };
  }
}

export function UploadReports() {
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
      <CardHeader
        title="Upload reports"
        description="Drop .json, .json.gz, .gz or .eml files (old archives, forwarded mail). Each is stored once, like reports that arrive by HTTPS or mail."
      />
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
          <span id="upload-hint">Drop report files here, or click to choose files</span>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            aria-describedby="upload-hint"
            onClick={() => input.current?.click()}
          >
            Choose files
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
                aria-label="Upload progress"
              />
              <span role="status" data-testid="upload-progress">
                {done} of {results.length} files done
              </span>
            </div>
            {!busy ? (
              <p className="text-sm text-slate-700" data-testid="upload-summary">
                {count("stored")} stored, {count("duplicate")} duplicates, {count("conflict")}{" "}
                conflicts, {count("rejected") + count("error")} rejected, {count("no-report")}{" "}
                without a managed domain or report
              </p>
            ) : null}
            <ul className="divide-y divide-slate-100 text-sm" aria-label="Upload results">
              {results.map((r, i) => (
                <li key={i} className="flex flex-wrap items-center gap-2 py-1.5">
                  <span className="font-mono text-xs">{r.name}</span>
                  <Badge tone={TONE[r.status]}>
                    {r.status === "error" ? "rejected" : r.status}
                  </Badge>
                  {r.reason ? <span className="text-slate-600">{r.reason}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
