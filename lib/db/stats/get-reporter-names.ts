import type { Db } from "../client";

/** The organisation name each reporter used in its most recent report. */
export async function getReporterNames(
  db: Db,
  reporterKeys: readonly string[],
): Promise<Map<string, string>> {
  // One indexed lookup per reporter (Report has an index on reporterKey): a group-by over
  // all reports would read every report a reporter ever sent.
  const found = await Promise.all(
    reporterKeys.map((reporterKey) =>
      db.report.findFirst({
        where: { reporterKey },
        orderBy: { id: "desc" },
        select: { reporterKey: true, organization: true },
      }),
    ),
  );
  const names = new Map<string, string>();
  for (const r of found) if (r) names.set(r.reporterKey, r.organization || r.reporterKey);
  return names;
}
