import type { Db } from "../client";

/** The organisation name each reporter gives in its reports. */
export async function getReporterNames(
  db: Db,
  reporterKeys: readonly string[],
): Promise<Map<string, string>> {
  // One indexed lookup per reporter (Report has an index on reporterKey), without ordering:
  // "the latest" would read every report a reporter ever sent (bench/charts.ts).
  const found = await Promise.all(
    reporterKeys.map((reporterKey) =>
      db.report.findFirst({
        where: { reporterKey },
        select: { reporterKey: true, organization: true },
      }),
    ),
  );
  const names = new Map<string, string>();
  for (const r of found) if (r) names.set(r.reporterKey, r.organization || r.reporterKey);
  return names;
}
