import type { MessageRef } from "@/lib/i18n/message-ref";
import type { RemovalStage } from "./mode-change";
import type { Readiness } from "./types";
import type { VerdictChange } from "./verdict-change";

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
  /** The latest change of the verdict, with why (issue 15 item 2); null before any. */
  verdictChange: (VerdictChange & { at: string }) | null;
  /** proposeMaxAge("enforce", …): the first step of the ramp (STS-OPS-8/10). */
  enforceMaxAge: { maxAge: number; reason: string; ref: MessageRef };
  testingMaxAge: number;
  removal: RemovalStage[];
}
