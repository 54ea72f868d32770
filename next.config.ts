import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import pkg from "./package.json" with { type: "json" };

const nextConfig: NextConfig = {
  // Native and engine packages stay outside the server bundle (stack notes).
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "@prisma/schema-engine-wasm",
    "pino",
    "mailparser",
    "imapflow",
    // DKIM on report mail (lib/tlsrpt/dkim.ts): loaded from node_modules as published.
    "mailauth",
    // Starts worker threads from its own files (lib/pool): they must stay on disk as is.
    "piscina",
  ],
  // Several checkouts or parallel builds can keep separate outputs (NEXT_DIST_DIR).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  env: { STS_APP_VERSION: pkg.version },
  typedRoutes: false,
  // Hosted policies (STS-FETCH-1): https://mta-sts.<domain>/.well-known/mta-sts.txt reaches
  // this app through a TLS-terminating reverse proxy with the Host header intact. A route
  // under a dot-folder is unreliable, so the path is rewritten, internally (a relative
  // destination is never proxied), to an ordinary route that picks the policy by Host. No
  // redirect and no session check (STS-FETCH-6: senders never follow redirects).
  async rewrites() {
    return {
      beforeFiles: [{ source: "/.well-known/mta-sts.txt", destination: "/api/mta-sts" }],
      afterFiles: [],
      fallback: [],
    };
  },
  // `npm test` type-checks the whole tree itself; STS_BUILD_SKIP_TYPECHECK=1 lets a build
  // go ahead while unrelated files are mid-edit.
  typescript: { ignoreBuildErrors: process.env.STS_BUILD_SKIP_TYPECHECK === "1" },
};

// next-intl without i18n routing: i18n/request.ts picks each request's language (issue 16 §6).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Every production build also writes the worker pool's bundle (lib/pool/worker-file.ts).
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_BUILD) {
    const { buildPoolWorker } = await import("./scripts/build-pool-worker.mjs");
    await buildPoolWorker();
  }
  return withNextIntl(nextConfig);
}
