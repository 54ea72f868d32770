import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { withUserUpload } from "@/lib/http/handler";
import { ingestBytes } from "@/lib/ingest/ingest";
import { readCapped, tooSlowReason, tooSlowRef } from "@/lib/ingest/read-capped";
import { reasonText } from "@/lib/ingest/rejection-text";
import { MAX_MESSAGE_BYTES } from "@/lib/mailbox/poll";

// Admin upload of one report file per request (.json, .json.gz, .gz or .eml), sent as the
// raw request body with the file name in ?filename=. The browser sends many in turn and
// shows each outcome (components/ingest/upload-reports.tsx). The body is the file itself,
// so the wrapper checks that the request comes from this site but not that it is JSON.
export const POST = withUserUpload("admin", async (req) => {
  const filename = (new URL(req.url).searchParams.get("filename") ?? "upload").slice(0, 255);
  const body = await readCapped(req, MAX_MESSAGE_BYTES);
  if (!body.ok) {
    const tooSlow = body.problem === "too-slow";
    const why = tooSlow
      ? { text: tooSlowReason(body.seconds), ref: tooSlowRef(body.seconds) }
      : reasonText("fileOverLimit", { limit: `${MAX_MESSAGE_BYTES / 1024 / 1024} MiB` });
    return NextResponse.json(
      { status: "rejected", reason: why.text, reasonRef: why.ref, stored: 0, duplicates: 0 },
      { status: tooSlow ? 408 : 413 },
    );
  }
  const out = await ingestBytes(await getDb(), body.bytes, {
    channel: "upload",
    source: filename,
    filename,
    contentType: req.headers.get("content-type") ?? undefined,
  });
  return NextResponse.json(
    {
      status: out.status,
      stored: out.stored,
      duplicates: out.duplicates,
      reason: out.reason ?? null,
      // The page shows the reason in the user's language (rejection-reason.ts).
      reasonRef: out.reasonRef ?? null,
      unknownDomains: out.unknownDomains,
    },
    { status: out.httpStatus === 202 ? 200 : out.httpStatus },
  );
});
