import { NextResponse } from "next/server";
import { z } from "zod";
import { createFirstAdminWithCode, setupCodeThrottle } from "@/lib/auth/first-run";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { dbConfigFromEnv } from "@/lib/db/config";
import { inUserLanguage } from "@/i18n/api-errors";
import { apiFailure } from "@/lib/i18n/api-failure";
import { firstProblem } from "@/lib/i18n/zod-problem";
import { failed, withErrorRef } from "@/lib/http/errors";
import { publicEndpoint } from "@/lib/http/public-endpoint";
import { firstRunLimits } from "@/lib/http/public-limits";
import { mutationRefusal } from "@/lib/http/same-origin";

// PUBLIC, but it only works while no user exists (createFirstAdmin checks that inside its
// own transaction) and with the setup code the server printed in its log. Like sign-in it
// sits behind the public-endpoint limits (per-source rate, in-flight cap); like the
// signed-in API it takes only a same-site JSON POST (lib/http/same-origin.ts).

export const dynamic = "force-dynamic";

// Each field's message, in English (the API) and as its "apiErrors" key (issue 16 §6).
const FIELD_PROBLEMS = {
  enterSetupCode: "Enter the setup code from the server log.",
  enterName: "Enter your name.",
  enterEmail: "Enter a valid email address.",
  enterPassword: "Enter a password.",
} as const;

const FirstAdmin = z.object({
  setupCode: z.string().trim().min(1, FIELD_PROBLEMS.enterSetupCode),
  name: z.string().trim().min(1, FIELD_PROBLEMS.enterName).max(100),
  email: z.email(FIELD_PROBLEMS.enterEmail),
  password: z.string(FIELD_PROBLEMS.enterPassword),
});

// No user is signed in: the browser's language decides (sign-in and first run follow it).
export const POST = publicEndpoint(
  () => firstRunLimits(settings()),
  async (req, source) => inUserLanguage(await firstAdmin(req, source), req, null),
);

async function firstAdmin(req: Request, source: string): Promise<Response> {
  const refused = mutationRefusal(req);
  if (refused)
    return withErrorRef(
      NextResponse.json({ error: refused.error }, { status: refused.status }),
      refused.ref,
    );
  const body: unknown = await req.json().catch(() => null);
  const parsed = FirstAdmin.safeParse(body);
  if (!parsed.success)
    return failed(
      firstProblem(parsed.error, body, FIELD_PROBLEMS, apiFailure("invalid", "checkForm")),
    );
  const created = await createFirstAdminWithCode(
    await getDb(),
    dbConfigFromEnv(),
    await setupCodeThrottle(),
    { ...parsed.data, address: source },
  );
  if (!created.ok) return failed(created.error);
  return NextResponse.json({ email: created.value.email }, { status: 201 });
}
