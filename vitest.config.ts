import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { CONFORMANCE_TESTS, corpus } from "./vitest.conformance.js";
import { PARALLEL_WORKERS, serialTests } from "./vitest.serial.js";

// Unit and integration tests. Integration tests use a real temporary SQLite database
// through lib/db; `npm run test:pg` runs the data-layer tests against PostgreSQL.
// Two projects: most files side by side, then the serial ones alone (vitest.serial.ts).
const SERIAL = serialTests(["lib", "scripts", "app"]);
const EXCLUDE = [
  "**/node_modules/**",
  "**/*.pg.test.ts",
  // the real-sample suite only when the corpus is there (vitest.conformance.ts)
  ...(corpus().found ? [] : [CONFORMANCE_TESTS]),
];

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside a React Server environment; tests are server code.
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    globalSetup: ["./vitest.conformance.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "parallel",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
          exclude: [...EXCLUDE, ...SERIAL],
          maxWorkers: PARALLEL_WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "serial",
          include: SERIAL,
          exclude: EXCLUDE,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
