// The lab world plus checker options pointed at it, shared by the checker tests.
import { checkDomain } from "../../lib/checker/index";
import type { CheckOptions, CheckReport, CheckResult } from "../../lib/checker/types";
import { LAB_DOMAINS } from "./lab-zones";
import { startTestWorld, type DomainSpec, type TestWorld } from "./world";

export interface Lab {
  world: TestWorld;
  options: CheckOptions;
  check(domain: string, extra?: CheckOptions): Promise<CheckReport>;
  stop(): Promise<void>;
}

/** Short limits so blackholes cost little; policySlowMs < pol-slow's 700 ms delay. */
export const LAB_LIMITS: CheckOptions = {
  stepTimeoutMs: 1500,
  policyTimeoutMs: 1500,
  policySlowMs: 400,
  deadlineMs: 15_000,
};

export async function startLab(domains: DomainSpec[] = LAB_DOMAINS): Promise<Lab> {
  const world = await startTestWorld({ domains });
  const options: CheckOptions = {
    ...LAB_LIMITS,
    dnsServers: [world.dnsServer],
    ca: [world.caPem],
    allowPrivate: true,
  };
  return {
    world,
    options,
    check: (domain, extra = {}) => checkDomain(domain, { ...options, ...extra }),
    stop: () => world.stop(),
  };
}

/**
 * The one result with this id (and target, and address); throws when there is none or
 * several.
 */
export function pick(
  report: CheckReport,
  id: string,
  target?: string,
  address?: string,
): CheckResult {
  const found = report.results.filter(
    (r) =>
      r.id === id &&
      (target === undefined || r.target === target) &&
      (address === undefined || r.address === address),
  );
  if (found.length !== 1) {
    const seen = report.results
      .map((r) => `${r.id}[${r.target ?? ""}${r.address ? ` ${r.address}` : ""}]=${r.severity}`)
      .join(", ");
    const at = `${target ? ` for ${target}` : ""}${address ? ` at ${address}` : ""}`;
    throw new Error(`expected one ${id}${at}, found ${found.length}: ${seen}`);
  }
  return found[0] as CheckResult;
}
