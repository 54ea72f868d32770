// Request bodies read with a cap and a deadline: a body over the cap is refused without
// being buffered, and one that trickles in is given up after BODY_DEADLINE_MS in all, so a
// slow client cannot hold a request slot until Node's own request timeout (issue 11).
export type CappedBody =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: "too-large"; size: number }
  | { ok: false; problem: "too-slow"; size: number; seconds: number };

/** The whole body must have arrived within this time (a timer, not the clock). */
export const BODY_DEADLINE_MS = 30_000;

/** The refusal line for a body that did not arrive in time. */
export const tooSlowReason = (seconds: number) =>
  `the request body took more than ${seconds} s to arrive`;

/** tooSlowReason as a "reports.rejected.reasons" message (issue 16 §6). */
export const tooSlowRef = (seconds: number) => ({
  key: "tooSlow",
  params: { seconds: String(seconds) },
});

/** Reads at most max + 1 bytes within deadlineMs: otherwise the body is refused. */
export async function readCapped(
  req: Request,
  max: number,
  deadlineMs: number = BODY_DEADLINE_MS,
): Promise<CappedBody> {
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = req.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"expired">((resolve) => {
    timer = setTimeout(() => resolve("expired"), deadlineMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === "expired") {
        void reader.cancel().catch(() => undefined);
        return { ok: false, problem: "too-slow", size, seconds: Math.ceil(deadlineMs / 1000) };
      }
      if (next.done) break;
      size += next.value.length;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: "too-large", size };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}
