import { z } from "zod";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import type { Failure } from "@/lib/core/failure";
import { apiFailure } from "@/lib/i18n/api-failure";
import { parseCursor } from "./types";

// GET /api/domains/[name]/timeline?before=<cursor>&limit=<1..200>: the query, parsed.
// Each refusal is one "apiErrors" message (issue 16 §6), so the route answers in the user's
// language: the first problem, before's ahead of limit's.

export const TIMELINE_LIMIT_MAX = 200;

const NOT_A_CURSOR = apiFailure("invalid", "timelineCursor");
const BAD_LIMIT = apiFailure("invalid", "timelineLimit", { max: TIMELINE_LIMIT_MAX });

const timelineQuerySchema = z.object({
  before: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      const c = parseCursor(v);
      if (c === null) {
        ctx.addIssue({ code: "custom", message: NOT_A_CURSOR.message });
        return z.NEVER;
      }
      return c;
    }),
  limit: z.coerce.number().int().min(1).max(TIMELINE_LIMIT_MAX).default(50),
});

export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/** The query string's before and limit, or the first problem with them. */
export function parseTimelineQuery(params: URLSearchParams): Result<TimelineQuery, Failure> {
  const q = timelineQuerySchema.safeParse(Object.fromEntries(params));
  if (q.success) return ok(q.data);
  return err(q.error.issues[0]?.path[0] === "before" ? NOT_A_CURSOR : BAD_LIMIT);
}
