import { getDb } from "@/lib/db/client";
import { handleTlsrptPost } from "@/lib/ingest/https-endpoint";
import { limiterFromEnv } from "@/lib/ingest/rate-limit";
import { guarded } from "@/lib/http/handler";

// Public on purpose (RFC 8460 §5.3): reporters POST TLS reports here with no session; the
// URL is published in the _smtp._tls rua. Rate-limited per source (RPT-DELIV-11).
export const dynamic = "force-dynamic";

const limiter = limiterFromEnv();

export async function POST(req: Request): Promise<Response> {
  return guarded(() =>
    handleTlsrptPost(req, {
      db: getDb,
      limiter,
      trustProxy: process.env.STS_TRUST_PROXY === "1",
    }),
  );
}
