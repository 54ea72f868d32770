import { err, ok, type Result } from "@/lib/core/diagnostic";
import type { Failure } from "@/lib/core/failure";
import { apiFailure } from "@/lib/i18n/api-failure";
import {
  DEFAULT_RANGE_DAYS,
  MAX_RANGE_DAYS,
  dayDiff,
  isDay,
  lastDays,
  type DayRange,
} from "./date-range";

// The reports page's and the stats API's range, from the query. Apart from date-range.ts,
// which the browser imports too, so the API's messages stay out of the browser's code.

/** `?from=&to=` (custom) or `?days=` (preset); default: the last 30 days. A refusal carries
 * its "apiErrors" message, so the stats API answers in the user's language (issue 16 §6). */
export function resolveRange(
  params: { from?: string | null; to?: string | null; days?: string | null },
  now: Date,
): Result<DayRange, Failure> {
  const { from, to, days } = params;
  if (from || to) {
    if (!from || !to || !isDay(from) || !isDay(to))
      return err(apiFailure("invalid", "rangeBothDays"));
    if (from > to) return err(apiFailure("invalid", "rangeReversed"));
    if (dayDiff(from, to) + 1 > MAX_RANGE_DAYS)
      return err(apiFailure("invalid", "rangeTooLong", { max: MAX_RANGE_DAYS }));
    return ok({ from, to });
  }
  if (days) {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > MAX_RANGE_DAYS)
      return err(apiFailure("invalid", "rangeDays", { max: MAX_RANGE_DAYS }));
    return ok(lastDays(n, now));
  }
  return ok(lastDays(DEFAULT_RANGE_DAYS, now));
}
