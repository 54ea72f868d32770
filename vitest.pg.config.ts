import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { CONFORMANCE_TESTS, corpus } from "./vitest.conformance.js";

// `npm run test:pg`: the data-layer tests against a real PostgreSQL server, which
// scripts/pg/with-postgres.sh starts and names in DATABASE_URL.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside a React Server environment; tests are server code.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/db/**/*.test.ts"],
    exclude: [
      "**/node_modules/**",
      "lib/db/migrations.test.ts",
      // the real-sample suite only when the corpus is there (vitest.conformance.ts)
      ...(corpus().found ? [] : [CONFORMANCE_TESTS]),
    ],
    globalSetup: ["./vitest.conformance.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
