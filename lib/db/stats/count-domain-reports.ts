import type { Db } from "../client";

/** How many report policy entries are stored for the domain (0: none yet). */
export async function countDomainReports(db: Db, domainId: string): Promise<number> {
  return db.reportPolicy.count({ where: { domainId } });
}
