import { NextResponse } from "next/server";
import { authorize, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/db/users/users";
import { logger } from "@/lib/log";

// One wrapper per kind of route (STYLE.md, after dub's withWorkspace): session and role
// check, then the use case, then error mapping. Unexpected errors are logged with a
// request id and answered generically: raw messages never reach the browser.

// Next passes no params to routes without dynamic segments.
type Ctx<P> = { params?: Promise<P> };
type Handler<P> = (req: Request, user: SessionUser, params: P) => Promise<Response>;

export function withUser<P = Record<string, string>>(role: Role, handler: Handler<P>) {
  return async (req: Request, ctx?: Ctx<P>): Promise<Response> => {
    const auth = await authorize(role);
    if (!auth.ok) return NextResponse.json({ error: auth.error }, { status: auth.status });
    return guarded(async () => handler(req, auth.user, (await ctx?.params) ?? ({} as P)));
  };
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
