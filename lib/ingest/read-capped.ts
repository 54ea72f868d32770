// Request bodies read with a cap: a body over the cap is refused without being buffered.
export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; size: number };

/** Reads at most max + 1 bytes: a larger body is refused without being buffered. */
export async function readCapped(req: Request, max: number): Promise<CappedBody> {
  if (!req.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, size };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}
