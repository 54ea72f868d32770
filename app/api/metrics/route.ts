import { secrets } from "@/lib/config/secrets";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { answerMetrics } from "@/lib/http/metrics-endpoint";
import { publicEndpoint } from "@/lib/http/public-endpoint";
import { metricsLimits } from "@/lib/http/public-limits";

// PUBLIC (no session): Prometheus scrapes it with the bearer token STS_METRICS_TOKEN;
// unset, 404. Rate-limited and capped in flight like the other public endpoints. The
// totals are read from the database at each scrape, so every instance answers the same.
export const dynamic = "force-dynamic";

export const GET = publicEndpoint(
  () => metricsLimits(settings()),
  async (req) =>
    answerMetrics(req, {
      token: secrets().STS_METRICS_TOKEN,
      db: getDb,
      port: settings().PORT,
    }),
);
