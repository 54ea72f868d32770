import type { Db } from "../client";
import type { DnsVerification, PublishVerification } from "@/lib/rollout/types";

// The latest live verification per domain and step, kept in Setting rows
// (`verify:<domainId>:publish|dns`). Stored rather than in memory so the Overview and the
// domain list can show where a domain stands after a restart and on every instance of a
// multi-instance (PostgreSQL) deployment, without probing again; no schema change needed.

export type VerificationKind = "publish" | "dns";
type VerificationOf<K extends VerificationKind> = K extends "publish"
  ? PublishVerification
  : DnsVerification;

const key = (domainId: string, kind: VerificationKind) => `verify:${domainId}:${kind}`;

export async function saveVerification<K extends VerificationKind>(
  db: Db,
  domainId: string,
  kind: K,
  value: VerificationOf<K>,
): Promise<void> {
  const k = key(domainId, kind);
  const v = JSON.stringify(value);
  await db.setting.upsert({
    where: { key: k },
    create: { key: k, value: v },
    update: { value: v },
  });
}

export async function loadVerification<K extends VerificationKind>(
  db: Db,
  domainId: string,
  kind: K,
): Promise<VerificationOf<K> | null> {
  const row = await db.setting.findUnique({ where: { key: key(domainId, kind) } });
  if (!row) return null;
  try {
    return JSON.parse(row.value) as VerificationOf<K>;
  } catch {
    return null;
  }
}
