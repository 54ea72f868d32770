import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { withDomain } from "@/lib/http/with-domain";
import { verifyPublishForDomain } from "@/lib/rollout/verify-domain";

// Viewers may verify: it only looks, and records what it saw.
export const POST = withDomain("viewer", async (_req, user, d) =>
  NextResponse.json(
    await verifyPublishForDomain(await getDb(), d, { userId: user.id, email: user.email }),
  ),
);
