import type { Db } from "@/lib/db/client";
import { addDomain, findDomainByName, type Actor } from "@/lib/db/domains/domains";
import { createPolicyVersion, currentPolicyVersion } from "@/lib/db/policies/policies";
import { acceptDemoReporters } from "@/lib/db/reports/quarantine";
import { backdatePolicyVersion } from "@/lib/db/stats/backdate-policy-version";
import { countDomainReports } from "@/lib/db/stats/count-domain-reports";
import { validateDomainName } from "@/lib/domains/domain-name";
import { ingestInOrder } from "@/lib/ingest/bulk";
import { addDays, utcDay } from "@/lib/stats/date-range";
import { cleanReports, demoPlan, generateDemoReports } from "./generate";
import { reportJson, type GenReport } from "./report-json";

export interface DemoOutcome {
  domain: string;
  created: boolean;
  policyId: string;
  reports: { stored: number; duplicates: number; other: number };
  skipped: boolean;
  from: string;
  to: string;
}

const MAX_AGE = 86400;

/**
 * Feeds generated reports through the one ingestion path, as `npm run ingest` does. They
 * arrive unauthenticated (CLI), so their reporters are accepted as an admin would accept
 * them (RPT-DELIV-7, READY-4): otherwise no demo report could count as Google's.
 */
export async function ingestGenerated(
  db: Db,
  reports: readonly GenReport[],
): Promise<DemoOutcome["reports"]> {
  const tally = { stored: 0, duplicates: 0, other: 0 };
  const items = reports.map((r) => ({
    meta: {
      channel: "cli" as const,
      source: `demo ${r.reportId}`,
      contentType: "application/tlsrpt+json",
    },
    load: () => new TextEncoder().encode(reportJson(r)),
  }));
  for (const out of await ingestInOrder(db, items)) {
    if (out.status === "stored") tally.stored += out.stored;
    else if (out.status === "duplicate") tally.duplicates += out.duplicates;
    else tally.other += 1;
  }
  await acceptDemoReporters(
    db,
    reports.map((r) => r.reportId),
  );
  return tally;
}

/**
 * Loads the demo domain: a testing policy published a day before the first report and
 * 60 days of reports ending `endDay` (default yesterday). Idempotent: once the domain
 * has reports, nothing is added.
 */
export async function loadDemo(
  db: Db,
  actor: Actor,
  opts: { now?: Date; endDay?: string } = {},
): Promise<DemoOutcome> {
  const now = opts.now ?? new Date();
  const plan = demoPlan(opts.endDay ?? addDays(utcDay(now), -1), undefined, MAX_AGE);
  const from = addDays(plan.endDay, -(plan.days - 1));
  const name = validateDomainName(plan.domain);
  if (!name.ok) throw new Error(name.error.message);
  let domain = await findDomainByName(db, name.value.aLabel);
  const created = domain === null;
  if (!domain) {
    const added = await addDomain(
      db,
      { name: name.value.aLabel, displayName: name.value.uLabel },
      actor,
    );
    if (!added.ok) throw new Error(added.error);
    domain = added.value;
  }
  let policy = await currentPolicyVersion(db, domain.id);
  if (!policy) {
    const publishedAt = new Date(Date.parse(`${addDays(from, -1)}T10:00:00Z`));
    const made = await createPolicyVersion(
      db,
      domain.id,
      { mode: "testing", maxAge: MAX_AGE, mx: plan.mx },
      "create",
      actor,
      () => publishedAt,
    );
    if (!made.ok) throw new Error(made.error);
    await backdatePolicyVersion(db, made.value.seq, publishedAt);
    policy = made.value;
  }
  const base = { domain: domain.name, created, policyId: policy.policyId, from, to: plan.endDay };
  if ((await countDomainReports(db, domain.id)) > 0) {
    return { ...base, skipped: true, reports: { stored: 0, duplicates: 0, other: 0 } };
  }
  const reports = await ingestGenerated(db, generateDemoReports(plan));
  return { ...base, skipped: false, reports };
}

/** Adds `days` clean days ending yesterday from every demo reporter, each on its schedule. */
export async function loadCleanDays(
  db: Db,
  days: number,
  now: Date = new Date(),
): Promise<DemoOutcome["reports"]> {
  const domain = await findDomainByName(db, demoPlan("2000-01-01").domain);
  if (!domain) throw new Error("Load the demo first.");
  const policy = await currentPolicyVersion(db, domain.id);
  if (!policy) throw new Error("The demo domain has no policy.");
  const lines = [
    "version: STSv1",
    `mode: ${policy.mode}`,
    ...policy.mx.map((m) => `mx: ${m}`),
    `max_age: ${policy.maxAge}`,
  ];
  return ingestGenerated(db, cleanReports(domain.name, lines, addDays(utcDay(now), -1), days));
}
