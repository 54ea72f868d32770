import { getDb } from "@/lib/db/client";
import { dbConfigFromEnv } from "@/lib/db/config";
import { settings } from "@/lib/config/settings";
import { logger } from "@/lib/log";
import { announceSetupCode } from "./first-run";

/**
 * Called once at server start (instrumentation.ts): prints the first-run setup code. A
 * failure is logged, not thrown: the server still starts, and `npm run user -- add`
 * still creates an admin.
 */
export async function announceSetupCodeAtStart(): Promise<void> {
  // NEXTAUTH_URL is next-auth's own setting (scripts/start.sh always sets it).
  const { NEXTAUTH_URL, PORT } = settings();
  const base = (NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
  try {
    await announceSetupCode(await getDb(), dbConfigFromEnv(), logger, base);
  } catch (e) {
    logger.error({ err: e }, "could not make the first-run setup code");
  }
}
