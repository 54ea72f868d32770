import { z } from "zod";
import { parseCursor } from "./types";

// GET /api/domains/[name]/timeline?before=<cursor>&limit=<1..200>: the query, parsed.
export const timelineQuerySchema = z.object({
  before: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      const c = parseCursor(v);
      if (c === null) {
        ctx.addIssue({ code: "custom", message: "before is not a timeline cursor" });
        return z.NEVER;
      }
      return c;
    }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
