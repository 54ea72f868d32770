import { NextResponse } from "next/server";
import { APP_VERSION } from "@/lib/config/app-version";
import { checkDatabase } from "@/lib/db/health";

// Public: load balancers and the README's smoke test call it.
export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  const body = {
    status: database.ok ? "ok" : "unavailable",
    version: APP_VERSION,
    database,
  };
  return NextResponse.json(body, { status: database.ok ? 200 : 503 });
}
