import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import { recordAudit } from "../audit/audit";
import { markVerdictsDirty } from "../readiness/verdict";
import { verdictInputsChanged } from "../readiness/verdict-queue";
import type { Actor } from "../domains/domains";
import { err, ok, type Diagnostic, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";
import { apiFailure } from "@/lib/i18n/api-failure";
import { formatPolicy } from "@/lib/mta-sts/policy-format";
import { nextPolicyId } from "@/lib/mta-sts/policy-id";
import type { StsMode } from "@/lib/mta-sts/policy-types";

// Policy versions: immutable, the newest (highest seq) is the one served (STS-OPS-1/2).

export type PolicyReason = "create" | "edit" | "enforce" | "rollback" | "removal";

export interface PolicyDraftInput {
  mode: StsMode;
  maxAge: number;
  mx: string[];
}

export interface PolicyVersionRecord {
  seq: number;
  domainId: string;
  policyId: string;
  mode: StsMode;
  maxAge: number;
  mx: string[];
  /** The exact bytes served (CRLF, version first). */
  body: string;
  reason: PolicyReason;
  actor: string;
  createdAt: Date;
}

interface Row {
  seq: number;
  domainId: string;
  policyId: string;
  mode: string;
  maxAge: number;
  mx: string;
  body: string;
  reason: string;
  actor: string;
  createdAt: Date;
}

function toRecord(r: Row): PolicyVersionRecord {
  return {
    ...r,
    mode: r.mode as StsMode,
    mx: JSON.parse(r.mx) as string[],
    reason: r.reason as PolicyReason,
  };
}

/** A draft the policy parser refuses: its errors in one message, with their "diagnostics"
 * messages when each has one, so the policy API answers in the user's language (issue 16). */
function draftRefused(errors: readonly Diagnostic[]): Failure {
  const f = failure("invalid", errors.map((d) => d.message).join(" "));
  const refs = errors.flatMap((d) => (d.ref ? [d.ref] : []));
  return refs.length === errors.length ? { ...f, diagnosticRefs: refs } : f;
}

/**
 * Store a new version with a fresh id, greater than every id the domain ever had
 * (STS-OPS-1: a changed policy must get a new id), and audit it, in one transaction.
 * Refusals (the draft's errors, a domain removed meanwhile) carry their messages, so the
 * policy and Enforce APIs answer in the user's language (issue 16).
 */
export async function savePolicyVersion(
  db: Db,
  domainId: string,
  draft: PolicyDraftInput,
  reason: PolicyReason,
  actor: Actor,
  now: () => Date = () => new Date(),
): Promise<Result<PolicyVersionRecord, Failure>> {
  const body = formatPolicy(draft);
  if (!body.ok) return err(draftRefused(body.error));
  // Two admins saving in the same second race for the same id: the unique index refuses
  // the second, which then retries with the id after the first.
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.$transaction(async (tx) => {
        const domain = await tx.domain.findUnique({ where: { id: domainId } });
        if (!domain) return null;
        const previous = await tx.policyVersion.findMany({
          where: { domainId },
          select: { policyId: true },
        });
        const policyId = nextPolicyId(
          previous.map((p) => p.policyId),
          now(),
        );
        const created = await tx.policyVersion.create({
          data: {
            domainId,
            policyId,
            mode: draft.mode,
            maxAge: draft.maxAge,
            mx: JSON.stringify(draft.mx),
            body: body.value,
            reason,
            actor: actor.email,
          },
        });
        await recordAudit(tx, {
          userId: actor.userId,
          actor: actor.email,
          action: `policy.${reason}`,
          domainId,
          details: { policyId, mode: draft.mode, maxAge: draft.maxAge, mx: draft.mx },
        });
        // Issue 13: the served mode and mx feed READY-3..7: the stored verdict goes stale
        // with this commit, and is recomputed after it.
        await markVerdictsDirty(tx, { ids: [domainId] });
        return created;
      });
      if (!row) return err(apiFailure("invalid", "domainGone"));
      verdictInputsChanged(db, { ids: [domainId] });
      return ok(toRecord(row));
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}

/** savePolicyVersion with its refusal in English only, for seeds, the demo and scripts. */
export async function createPolicyVersion(
  ...args: Parameters<typeof savePolicyVersion>
): Promise<Result<PolicyVersionRecord>> {
  const r = await savePolicyVersion(...args);
  return r.ok ? r : err(r.error.message);
}

/** The version being served, or null when the domain has none yet. */
export async function currentPolicyVersion(
  db: Db,
  domainId: string,
): Promise<PolicyVersionRecord | null> {
  const row = await db.policyVersion.findFirst({ where: { domainId }, orderBy: { seq: "desc" } });
  return row ? toRecord(row) : null;
}

/** Every version of a domain, newest first. */
export async function listPolicyVersions(db: Db, domainId: string): Promise<PolicyVersionRecord[]> {
  const rows = await db.policyVersion.findMany({ where: { domainId }, orderBy: { seq: "desc" } });
  return rows.map(toRecord);
}

/**
 * The managed domain a policy host names: `mta-sts.<domain>` (any case, an optional port
 * or trailing dot) → `<domain>`; null for any other host.
 */
export function domainOfPolicyHost(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  const m = /^mta-sts\.([a-z0-9.-]+)$/.exec(h);
  return m?.[1] ?? null;
}

/** The version served for a Host header, or null (unknown host, no policy yet). */
export async function findPolicyVersionForHost(
  db: Db,
  host: string,
): Promise<PolicyVersionRecord | null> {
  const name = domainOfPolicyHost(host);
  if (name === null) return null;
  const domain = await db.domain.findUnique({ where: { name }, select: { id: true } });
  return domain ? currentPolicyVersion(db, domain.id) : null;
}

/** The largest max_age any version ever carried (STS-OPS-9: how long senders may cache). */
export async function maxAgeEverServed(db: Db, domainId: string): Promise<number | null> {
  const agg = await db.policyVersion.aggregate({ where: { domainId }, _max: { maxAge: true } });
  return agg._max.maxAge ?? null;
}
