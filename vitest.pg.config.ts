import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { CONFORMANCE_TESTS, corpus } from "./vitest.conformance.js";
import { PARALLEL_WORKERS, serialTests } from "./vitest.serial.js";

// `npm run test:pg`: the data-layer tests against a real PostgreSQL server, which
// scripts/pg/with-postgres.sh starts and names in DATABASE_URL. Each test has a database of
// its own on it; as in vitest.config.ts, most files run side by side, the serial ones after.
const SERIAL = serialTests(["lib/db"]);
const EXCLUDE = [
  "**/node_modules/**",
  // SQLite's own files: they open SQLite databases whatever DATABASE_URL says
  "lib/db/migrations.test.ts",
  "lib/db/sqlite-busy.test.ts",
  "lib/db/sqlite-sync.test.ts",
  "lib/db/file-modes.test.ts",
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
          include: ["lib/db/**/*.test.ts"],
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
