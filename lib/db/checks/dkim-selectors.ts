import type { Db } from "../client";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../domains/domains";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";

// The DKIM selectors the checker looks up for a domain (CHK-AUTH-3), stored comma-separated
// in Domain.dkimSelectors.

const SELECTOR = /^[a-z0-9_][a-z0-9_-]{0,62}(?:\.[a-z0-9_][a-z0-9_-]{0,62})*$/;
const MAX_SELECTORS = 20;

const split = (stored: string): string[] =>
  stored
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** Parses what an admin typed (commas, spaces or new lines between selectors). */
export function parseDkimSelectors(input: string): Result<string[], Failure> {
  const list = [
    ...new Set(
      input
        .split(/[\s,]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const bad = list.find((s) => !SELECTOR.test(s) || s.length > 200);
  if (bad !== undefined)
    return err(
      failure(
        "invalid",
        `"${bad}" is not a DKIM selector: use letters, digits, hyphens, underscores and dots, as in "s1" or "google".`,
        { key: "notADkimSelector", params: { selector: bad } },
      ),
    );
  if (list.length > MAX_SELECTORS)
    return err(
      failure("invalid", `Enter at most ${MAX_SELECTORS} selectors.`, {
        key: "tooManySelectors",
        params: { max: MAX_SELECTORS },
      }),
    );
  return ok(list);
}

export async function getDkimSelectors(db: Db, domainId: string): Promise<string[]> {
  const row = await db.domain.findUnique({
    where: { id: domainId },
    select: { dkimSelectors: true },
  });
  return row ? split(row.dkimSelectors) : [];
}

export async function setDkimSelectors(
  db: Db,
  domainId: string,
  selectors: readonly string[],
  actor: Actor,
): Promise<Result<string[], Failure>> {
  return db.$transaction(async (tx) => {
    const row = await tx.domain.findUnique({
      where: { id: domainId },
      select: { dkimSelectors: true },
    });
    if (!row)
      return err(
        failure("not-found", "That domain is no longer on the list.", { key: "domainGone" }),
      );
    const before = split(row.dkimSelectors);
    await tx.domain.update({
      where: { id: domainId },
      data: { dkimSelectors: selectors.join(",") },
    });
    await recordAudit(tx, {
      userId: actor.userId,
      actor: actor.email,
      action: "domain.dkim-selectors",
      domainId,
      details: { before, after: [...selectors] },
    });
    return ok([...selectors]);
  });
}
