// Settings are validated when the server starts (instrumentation.ts), so a bad value stops
// it with a message naming the variable instead of turning every request that reads it
// into a 500. Next only logs an error thrown from register() in some modes, so the process
// exits here itself.
import { logger } from "@/lib/log";
import { secrets } from "./secrets";
import { SettingsError, settings, type Settings } from "./settings";

/** The settings, after the secrets were checked too (a bad STS_METRICS_TOKEN stops the start). */
const readAll = (): Settings => {
  secrets();
  return settings();
};

export function settingsAtStart(
  read: () => Settings = readAll,
  exit: (code: number) => void = (code) => process.exit(code),
): Settings | null {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    logger.error(e.message);
    exit(1);
    return null;
  }
}
