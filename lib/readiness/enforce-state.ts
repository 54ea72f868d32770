import type { RemovalStage } from "./mode-change";
import type { Readiness } from "./types";

/** GET /api/domains/[name]/enforce: plain JSON for the Enforce tab. */
export interface EnforceState {
  domain: string;
  policy: {
    policyId: string;
    mode: string;
    maxAge: number;
    mx: string[];
    createdAt: string;
    reason: string;
  } | null;
  readiness: Readiness;
  /** proposeMaxAge("enforce", …): the first step of the ramp (STS-OPS-8/10). */
  enforceMaxAge: { maxAge: number; reason: string };
  testingMaxAge: number;
  removal: RemovalStage[];
}
