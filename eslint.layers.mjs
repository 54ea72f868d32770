// The layers of ARCHITECTURE.md, enforced by lint (issue 13.4). Each file matches exactly
// one of the blocks below (flat config replaces a rule's options, it does not merge them),
// so every block repeats the restrictions of the layers around it.
//   domain code (pure)   imports nothing from Next, React, Prisma or lib/db
//   use cases            may use lib/db; nothing from Next, React or Prisma
//   lib/auth, lib/http   the web adapters: Next allowed; no Prisma
//   lib/db               the only code that imports the Prisma client; no Next, React
//   components,          UI and its client hooks (lib/query: TanStack Query, router
//   lib/query            refresh): no lib/db (the page loads, the component shows; types only)
//   everything else      (app/, scripts, bench, e2e, proxy.ts) no Prisma client
// scripts/lint-layers.test.ts shows each rule failing on a violation.

const RULE = "@typescript-eslint/no-restricted-imports";
const TS = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];

const prisma = {
  regex: "^@prisma/|(^|/)prisma/generated(/|$)",
  message: "Only lib/db talks to the database: import a lib/db use case, not the Prisma client.",
};
const framework = {
  regex: "^(next|next-auth|react|react-dom)(/|$)",
  message: "Domain code and lib/db import nothing from Next or React (ARCHITECTURE.md rule 1).",
};
const db = (why) => ({
  regex: "^@/lib/db(/|$)|(^|/)lib/db(/|$)|^(\\.\\./)+db(/|$)",
  message: why,
});

/** Pure domain folders: RFC parsing, checks, aggregation, shared types. */
export const DOMAIN_FOLDERS = [
  "core",
  "mta-sts",
  "tlsrpt",
  "checker",
  "dns",
  "domains",
  "readiness",
  "stats",
  "pool",
  "crypto",
  "config",
  "alerts",
  "jobs",
];
/** Use cases that run domain code against the database. */
export const USE_CASE_FOLDERS = ["rollout", "ingest", "mailbox", "check-runs", "demo", "scheduler"];
/** Web adapters: sessions, route wrappers. */
export const ADAPTER_FOLDERS = ["auth", "http"];

const under = (folders) => folders.map((f) => `lib/${f}/**`);
const restrict = (patterns, extra = {}) => ({
  [RULE]: ["error", { patterns: patterns.map((p) => ({ ...p, ...extra })) }],
});

export const layerRules = [
  {
    files: TS,
    ignores: ["lib/db/**"],
    rules: restrict([prisma]),
  },
  {
    files: [...under(DOMAIN_FOLDERS), "lib/*.ts"],
    rules: restrict([
      prisma,
      framework,
      db(
        "Domain code takes plain values: the caller loads them through lib/db and passes them in.",
      ),
    ]),
  },
  {
    files: under(USE_CASE_FOLDERS),
    rules: restrict([prisma, framework]),
  },
  {
    files: ["lib/db/**"],
    rules: restrict([framework]),
  },
  {
    files: ["components/**", "lib/query/**"],
    rules: {
      [RULE]: [
        "error",
        {
          patterns: [
            prisma,
            {
              ...db(
                "Components don't query the database: the page loads the data and passes it down.",
              ),
              // A type says what the page passes; it reaches no database code at run time.
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];
