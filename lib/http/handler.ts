import { NextResponse } from "next/server";
import { authorize, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/db/users/users";
import { logger } from "@/lib/log";
import { fail } from "./errors";
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
    if (!auth.ok) return fail(auth.status === 401 ? "unauthorized" : "forbidden", auth.error);
    const refused = mutationRefusal(req, options.body);
    if (refused) return NextResponse.json({ error: refused.error }, { status: refused.status });
    return guarded(async () => handler(req, auth.user, (await ctx?.params) ?? ({} as P)));
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
    return NextResponse.json(
      { error: `Something went wrong on our side (request ${requestId}).` },
      { status: 500 },
    );
  }
}
