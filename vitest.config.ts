import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { CONFORMANCE_TESTS, corpus } from "./vitest.conformance.js";

// Unit and integration tests. Integration tests use a real temporary SQLite database
// through lib/db; `npm run test:pg` runs the data-layer tests against PostgreSQL.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside a React Server environment; tests are server code.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
    exclude: [
      "**/node_modules/**",
      "**/*.pg.test.ts",
      // the real-sample suite only when the corpus is there (vitest.conformance.ts)
      ...(corpus().found ? [] : [CONFORMANCE_TESTS]),
    ],
    globalSetup: ["./vitest.conformance.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
