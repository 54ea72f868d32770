import type { WatchThresholds } from "@/lib/watch/types";
import { settings, type Settings } from "./settings";

// The watch's thresholds (issue 14), from settings.ts:
//   STS_WATCH_CERT_DAYS=14            WATCH-CERT: certificate expiring within these days
//   STS_WATCH_SILENCE_DAYS=3          WATCH-SILENCE: whole days without reports
//   STS_WATCH_FAILURE_PERCENT=5       WATCH-FAILURES: failed share of sessions on one MX
//   STS_WATCH_FAILURE_WINDOW_DAYS=3   WATCH-FAILURES: days the rate and new types look at

type WatchSettings = Pick<
  Settings,
  | "STS_WATCH_CERT_DAYS"
  | "STS_WATCH_SILENCE_DAYS"
  | "STS_WATCH_FAILURE_PERCENT"
  | "STS_WATCH_FAILURE_WINDOW_DAYS"
>;

export function watchThresholds(s: WatchSettings = settings()): WatchThresholds {
  return {
    certDays: s.STS_WATCH_CERT_DAYS,
    silenceDays: s.STS_WATCH_SILENCE_DAYS,
    failurePercent: s.STS_WATCH_FAILURE_PERCENT,
    failureWindowDays: s.STS_WATCH_FAILURE_WINDOW_DAYS,
  };
}
