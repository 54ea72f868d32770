import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { setHosting } from "@/lib/db/policies/rollout-step-facts";
import { fail, failed } from "@/lib/http/errors";
import { HOSTING_CHOICE } from "@/lib/http/route-refusals";
import { withDomain } from "@/lib/http/with-domain";

const HostingSchema = z.object({ hosting: z.enum(["hosted", "self"]) });

export const POST = withDomain("admin", async (req, user, domain) => {
  const parsed = HostingSchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return fail("invalid", HOSTING_CHOICE.message, HOSTING_CHOICE.ref);
  const r = await setHosting(await getDb(), domain.id, parsed.data.hosting, {
    userId: user.id,
    email: user.email,
  });
  if (!r.ok) return failed(r.error);
  return NextResponse.json({ hosting: r.value });
});
