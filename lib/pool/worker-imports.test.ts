// The worker module runs outside Next (issue 11): its import graph must stay free of Next,
// React, Prisma and lib/db, or the bundle next start loads would drag them into each thread.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("lib/pool/worker.ts imports", () => {
  it("reach only plain domain code and the reader's own packages", async () => {
    const out = await build({
      entryPoints: ["lib/pool/worker.ts"],
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      packages: "external",
      metafile: true,
      logLevel: "silent",
    });
    const packages = new Set(
      Object.values(out.metafile.inputs).flatMap((i) =>
        i.imports.filter((m) => m.external && !m.path.startsWith("node:")).map((m) => m.path),
      ),
    );
    expect(
      [...packages].filter((p) => /^(next|react|@prisma|pg|better-sqlite3|pino)\b/.test(p)),
    ).toStrictEqual([]);
    expect(packages).toContain("mailparser");
    const files = Object.keys(out.metafile.inputs);
    expect(
      files.filter((f) => /^(app|components|lib\/(db|auth|http|config))\//.test(f)),
    ).toStrictEqual([]);
    expect(files).toContain("lib/tlsrpt/read-any.ts");
  });
});
