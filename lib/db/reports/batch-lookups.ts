// The look-ups a batch makes before it writes (store-batch.ts), each one statement per
// chunk of the batch (bind-limits.ts): the managed domains it names, the content hashes
// already stored under its (reporter, report id) pairs, and its inputs' RawInput rows.
import { Prisma } from "@/prisma/generated/sqlite/client";
import { chunksFor } from "../bind-limits";
import { insertRowsReturning, type Target } from "./insert-rows";
import type { RawBytes } from "./raw-input";
import { policyDomains, rawInputRow, type StoreInput } from "./report-rows";

/** Length-prefixed: unambiguous whatever characters a sender put in the parts. */
export const keyOf = (...parts: string[]) => parts.map((p) => `${p.length}:${p}`).join("");

/** The managed domains the batch names: name → id. Raw SQL, as every look-up here: Prisma's
 * query builder costs more than the look-up itself for lists that change length each time. */
export async function domainIds(
  w: Target,
  inputs: readonly StoreInput[],
): Promise<Map<string, string>> {
  const names = [...new Set(inputs.flatMap((i) => policyDomains(i.report)))];
  const ids = new Map<string, string>();
  for (const some of chunksFor(names, 1)) {
    const found = await w.tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT "id", "name" FROM "Domain" WHERE "name" IN (${Prisma.join(some)})`;
    for (const d of found) ids.set(d.name, d.id);
  }
  return ids;
}

/** The content hashes stored under each (reporterKey, reportId) pair, by keyOf(pair). */
export async function storedHashes(
  w: Target,
  pairs: string[][],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const some of chunksFor(pairs, 2)) {
    // Grouped by reporter: the unique key's prefix (reporterKey, reportId) serves each group.
    const byReporter = new Map<string, string[]>();
    for (const [reporterKey = "", reportId = ""] of some) {
      const list = byReporter.get(reporterKey) ?? [];
      byReporter.set(reporterKey, list);
      list.push(reportId);
    }
    const terms = [...byReporter].map(
      ([k, ids]) => Prisma.sql`("reporterKey" = ${k} AND "reportId" IN (${Prisma.join(ids)}))`,
    );
    const found = await w.tx.$queryRaw<
      { reporterKey: string; reportId: string; contentHash: string }[]
    >`
      SELECT "reporterKey", "reportId", "contentHash" FROM "Report"
      WHERE ${Prisma.join(terms, " OR ")}`;
    for (const f of found) {
      const key = keyOf(f.reporterKey, f.reportId);
      const set = out.get(key) ?? new Set<string>();
      out.set(key, set);
      set.add(f.contentHash);
    }
  }
  return out;
}

/**
 * The RawInput ids of the inputs' bytes by sha256, written once per input (raw-input.ts).
 * Inserted with ON CONFLICT DO NOTHING (an input seen before, or inserted meanwhile by a
 * concurrent transaction on PostgreSQL, where a unique violation would abort this one),
 * then the rows that skipped looked up. The inputs here hold reports not stored yet, so
 * their bytes are almost always new: inserting first saves a look-up per batch.
 */
export async function rawInputIds(
  w: Target,
  inputs: readonly StoreInput[],
  now: Date,
): Promise<Map<string, number>> {
  const raws = new Map<string, RawBytes>();
  for (const i of inputs) if (i.raw) raws.set(i.raw.sha256, i.raw);
  const ids = new Map<string, number>();
  const inserted = await insertRowsReturning(
    w,
    "RawInput",
    [...raws.values()].map((r) => rawInputRow(r, now)),
    ["id", "sha256"],
    Prisma.sql`ON CONFLICT ("sha256") DO NOTHING`,
  );
  for (const r of inserted) ids.set(String(r.sha256), Number(r.id));
  const skipped = [...raws.keys()].filter((sha) => !ids.has(sha));
  for (const some of chunksFor(skipped, 1)) {
    const found = await w.tx.$queryRaw<{ id: number | bigint; sha256: string }[]>`
      SELECT "id", "sha256" FROM "RawInput" WHERE "sha256" IN (${Prisma.join(some)})`;
    for (const f of found) ids.set(f.sha256, Number(f.id));
  }
  return ids;
}
