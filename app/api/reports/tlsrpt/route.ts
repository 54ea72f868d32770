import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { handleTlsrptPost } from "@/lib/ingest/https-endpoint";
import { publicEndpoint } from "@/lib/http/public-endpoint";
import { reportLimits } from "@/lib/http/public-limits";

// Public on purpose (RFC 8460 §5.3): reporters POST TLS reports here with no session; the
// URL is published in the _smtp._tls rua. Rate-limited per source and overall, and capped
// in flight, before the body is read (RPT-DELIV-11).
export const dynamic = "force-dynamic";

export const POST = publicEndpoint(
  () => reportLimits(settings()),
  (req, source) => handleTlsrptPost(req, { db: getDb, source }),
);
