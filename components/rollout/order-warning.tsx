import { Alert } from "@/components/ui/alert";
import type { RolloutFacts } from "@/lib/rollout/step-state";

/**
 * STS-OPS-5 / CHK-OPS-2: serve the new body first, then change the DNS id. Warns when the
 * id in DNS does not belong to the version being served.
 */
export function OrderWarning({ facts }: { facts: RolloutFacts }) {
  const current = facts.policy?.policyId;
  const foundId = facts.dns?.sts.foundId ?? null;
  if (!current) return null;
  const served = facts.publish?.ok === true && facts.publish.policyId === current;
  if (foundId === current && !served) {
    return (
      <Alert tone="bad">
        DNS already names id {current}, but the policy host is not verified to serve that version.
        Senders that fetch now may cache the old body under the new id (STS-OPS-5). Serve version{" "}
        {current} and verify step 3 at once.
      </Alert>
    );
  }
  if (foundId !== null && foundId !== current) {
    return (
      <Alert tone="warn">
        DNS carries id {foundId}, which does not belong to the served version {current}.{" "}
        {served
          ? `The new body is served: now change the _mta-sts record to id=${current} (step 4).`
          : `First serve version ${current} and verify it (step 3); only then change the DNS id.`}
      </Alert>
    );
  }
  return (
    <Alert tone="info">
      Safe order: serve the new policy first (step 3), then change the id in the _mta-sts record
      (step 4). The other way round, senders may cache the old body under the new id.
    </Alert>
  );
}
