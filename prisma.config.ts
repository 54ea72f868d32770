import { defineConfig } from "prisma/config";

// Used by `prisma generate` only. Migrations do not go through Prisma's CLI (its native
// engine cannot be downloaded offline): see scripts/db/ and lib/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
