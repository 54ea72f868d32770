// Test helpers for POST /api/reports/tlsrpt's handler against a test database: one poster
// per database, the answer as "status body", and a tally of answers by status and word.
import { handleTlsrptPost } from "@/lib/ingest/https-endpoint";
import type { Db } from "../client";

export function poster(db: () => Db) {
  return (
    data: BodyInit | Buffer,
    headers: Record<string, string> = { "content-type": "application/tlsrpt+gzip" },
    opts: { maxBytes?: number } = {},
  ) => {
    const req = new Request("http://app.test/api/reports/tlsrpt", {
      method: "POST",
      body: Buffer.isBuffer(data) ? new Uint8Array(data) : data,
      headers,
      duplex: "half",
    } as RequestInit);
    return handleTlsrptPost(req, {
      db: async () => db(),
      source: "198.51.100.7",
      maxBytes: opts.maxBytes,
    });
  };
}

export async function outcome(res: Response): Promise<string> {
  return `${res.status} ${(await res.text()).trim()}`;
}

/** {"201 stored": 3, "400 rejected": 1, …} from {file: "201 stored: 1 report", …}. */
export function tallyStatuses(o: Record<string, string>): Record<string, number> {
  const byStatus: Record<string, number> = {};
  for (const v of Object.values(o)) {
    const k = v.split(":")[0] ?? v;
    byStatus[k] = (byStatus[k] ?? 0) + 1;
  }
  return byStatus;
}
