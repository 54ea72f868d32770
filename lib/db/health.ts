import { dbProvider, getDb } from "./client";

export interface DbHealth {
  ok: boolean;
  provider: string;
  error?: string;
}

export async function checkDatabase(): Promise<DbHealth> {
  try {
    const db = await getDb();
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true, provider: dbProvider() };
  } catch {
    return { ok: false, provider: dbProvider(), error: "database unreachable" };
  }
}
