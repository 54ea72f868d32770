import { NextResponse } from "next/server";
import { authorize, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/db/users/users";
import { logger } from "@/lib/log";
import { inUserLanguage } from "@/i18n/api-errors";
import { fail, withErrorRef } from "./errors";
import { mutationRefusal, type BodyKind } from "./same-origin";

// One wrapper per kind of route (STYLE.md, after dub's withWorkspace): session and role
// check, then the use case, then error mapping. Unexpected errors are logged with a
// request id and answered generically: raw messages never reach the browser.
// Mutating methods also pass the cross-site guard in same-origin.ts (issue 11 §9): a
// same-site Origin and a JSON body; withUserUpload takes any body (a report file).
// withDomain (with-domain.ts) adds the lookup of the [name] segment's domain and its 404.
// app/api/route-guards.test.ts fails for a mutating handler that is not wrapped here.

// Next passes no params to routes without dynamic segments.
type Ctx<P> = { params?: Promise<P> };
export type Handler<P> = (req: Request, user: SessionUser, params: P) => Promise<Response>;

export function withUser<P = Record<string, string>>(
  role: Role,
  handler: Handler<P>,
  options: { body?: BodyKind } = {},
) {
  return async (req: Request, ctx?: Ctx<P>): Promise<Response> => {
    const auth = await authorize(role);
    if (!auth.ok) {
      const kind = auth.status === 401 ? "unauthorized" : "forbidden";
      return inUserLanguage(fail(kind, auth.error, auth.ref), req, null);
    }
    const refused = mutationRefusal(req, options.body);
    if (refused) {
      const res = NextResponse.json({ error: refused.error }, { status: refused.status });
      return inUserLanguage(withErrorRef(res, refused.ref), req, auth.user.locale);
    }
    const res = await guarded(async () =>
      handler(req, auth.user, (await ctx?.params) ?? ({} as P)),
    );
    // Issue 16 §6: an error with a message key is answered in the user's language.
    return inUserLanguage(res, req, auth.user.locale);
  };
}

/** withUser for a handler whose body is an uploaded file: same-site, any content type. */
export function withUserUpload<P = Record<string, string>>(role: Role, handler: Handler<P>) {
  return withUser(role, handler, { body: "file" });
}

export async function guarded(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    const requestId = crypto.randomUUID();
    logger.error({ err: e, requestId }, "unhandled error in route handler");
    return withErrorRef(
      NextResponse.json(
        { error: `Something went wrong on our side (request ${requestId}).` },
        { status: 500 },
      ),
      { key: "serverError", params: { requestId } },
    );
  }
}
