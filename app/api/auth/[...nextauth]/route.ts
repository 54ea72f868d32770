import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { settings } from "@/lib/config/settings";
import { signInLimits } from "@/lib/http/public-limits";
import { cappedSignIn } from "@/lib/http/sign-in-endpoint";

// Public by design: sign-in itself. POST bodies are capped and rate-limited before
// next-auth reads them (issue 11 §6-7, lib/http/sign-in-endpoint.ts).
const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;
export const POST = cappedSignIn(
  () => signInLimits(settings()),
  (req, ctx: Ctx) => handler(req, ctx),
);
