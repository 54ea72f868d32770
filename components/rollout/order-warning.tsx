import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { RolloutFacts } from "@/lib/rollout/step-state";

/**
 * STS-OPS-5 / CHK-OPS-2: serve the new body first, then change the DNS id. Warns when the
 * id in DNS does not belong to the version being served.
 */
export function OrderWarning({ facts }: { facts: RolloutFacts }) {
  const t = useTranslations("steps.order");
  const current = facts.policy?.policyId;
  const foundId = facts.dns?.sts.foundId ?? null;
  if (!current) return null;
  const served = facts.publish?.ok === true && facts.publish.policyId === current;
  if (foundId === current && !served) {
    return <Alert tone="bad">{t("dnsAhead", { id: current })}</Alert>;
  }
  if (foundId !== null && foundId !== current) {
    return (
      <Alert tone="warn">
        {t(served ? "dnsBehindServed" : "dnsBehind", { found: foundId, id: current })}
      </Alert>
    );
  }
  return <Alert tone="info">{t("safe")}</Alert>;
}
