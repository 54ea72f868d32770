import pkg from "@/package.json" with { type: "json" };

// The running version, for /api/health. next.config.ts writes STS_APP_VERSION into the
// build (Next replaces this exact expression at build time); tsx and vitest runs fall back
// to package.json. Not an operator setting.
export const APP_VERSION: string = process.env.STS_APP_VERSION ?? pkg.version;
