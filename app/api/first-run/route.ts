import { NextResponse } from "next/server";
import { z } from "zod";
import { createFirstAdminWithCode, setupCodeThrottle } from "@/lib/auth/first-run";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { dbConfigFromEnv } from "@/lib/db/config";
import { fail } from "@/lib/http/errors";
import { publicEndpoint } from "@/lib/http/public-endpoint";
import { firstRunLimits } from "@/lib/http/public-limits";
import { mutationRefusal } from "@/lib/http/same-origin";

// PUBLIC, but it only works while no user exists (createFirstAdmin checks that inside its
// own transaction) and with the setup code the server printed in its log. Like sign-in it
// sits behind the public-endpoint limits (per-source rate, in-flight cap); like the
// signed-in API it takes only a same-site JSON POST (lib/http/same-origin.ts).

export const dynamic = "force-dynamic";

const FirstAdmin = z.object({
  setupCode: z.string().trim().min(1, "Enter the setup code from the server log."),
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.email("Enter a valid email address."),
  password: z.string("Enter a password."),
});

export const POST = publicEndpoint(
  () => firstRunLimits(settings()),
  async (req, source) => {
    const refused = mutationRefusal(req);
    if (refused) return NextResponse.json({ error: refused.error }, { status: refused.status });
    const parsed = FirstAdmin.safeParse(await req.json().catch(() => null));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail("invalid", first && first.path.length > 0 ? first.message : "Check the form.");
    }
    const created = await createFirstAdminWithCode(
      await getDb(),
      dbConfigFromEnv(),
      await setupCodeThrottle(),
      { ...parsed.data, address: source },
    );
    if (!created.ok) return fail("invalid", created.error);
    return NextResponse.json({ email: created.value.email }, { status: 201 });
  },
);
