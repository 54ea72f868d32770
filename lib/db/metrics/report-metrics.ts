import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Db } from "../client";
import { queryJsonRows } from "../json-rows";
import type { IngestChannel } from "../reports/report-rows";
import type { MetricSample } from "@/lib/metrics/sample";
import { prunedRefusals } from "./pruned-refusals";

// Reports stored and refused, by channel (issue 14 §4), counted in the database at scrape
// time. Stored: Report rows (a duplicate is stored once, RPT-ING-5), grouped by (auth,
// channel) so both engines count from the index on those columns instead of the rows.
// Refused: the refusals RejectedReport still holds (each row counts its repeats) plus the
// tally of those pruned after STS_REJECTED_RETENTION_DAYS (pruned-refusals.ts).

/** Every channel appears, 0 until its first report, so rate() has a series from the start. */
export const CHANNELS: readonly IngestChannel[] = ["https", "imap", "upload", "cli"];

const STORED = "sts_reports_stored_total";
const STORED_HELP = "TLS reports stored, by the channel they arrived on (duplicates not counted).";
const REFUSED = "sts_reports_refused_total";
const REFUSED_HELP =
  "Submissions refused (unreadable, too large, too slow, rate-limited …), by channel.";

function byChannel(rows: readonly { channel: string; n: unknown }[]): Map<string, number> {
  const out = new Map<string, number>(CHANNELS.map((c) => [c, 0]));
  for (const r of rows) out.set(r.channel, (out.get(r.channel) ?? 0) + Number(r.n ?? 0));
  return out;
}

const samples = (name: string, help: string, counts: Map<string, number>): MetricSample[] =>
  [...counts].map(([channel, value]) => ({
    name,
    help,
    type: "counter",
    labels: { channel },
    value,
  }));

export async function reportMetrics(db: Db): Promise<MetricSample[]> {
  const [stored, refused, pruned] = await Promise.all([
    queryJsonRows<{ auth: string; channel: string; n: unknown }>(
      db,
      Prisma.sql`SELECT "auth", "channel", COUNT(*) AS "n" FROM "Report" GROUP BY "auth", "channel"`,
      ["auth", "channel", "n"],
      "channel",
    ),
    queryJsonRows<{ channel: string; n: unknown }>(
      db,
      Prisma.sql`SELECT "channel", SUM("count") AS "n" FROM "RejectedReport" GROUP BY "channel"`,
      ["channel", "n"],
      "channel",
    ),
    prunedRefusals(db),
  ]);
  const refusedCounts = byChannel(refused);
  for (const [channel, n] of pruned) {
    refusedCounts.set(channel, (refusedCounts.get(channel) ?? 0) + n);
  }
  return [
    ...samples(STORED, STORED_HELP, byChannel(stored)),
    ...samples(REFUSED, REFUSED_HELP, refusedCounts),
  ];
}
