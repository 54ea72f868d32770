import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every server action checks the session and role itself (a page's check does not protect
// the actions behind it). This reads every "use server" file and fails for an exported
// action that never calls authorize(), unless it is on the short public list.

const PUBLIC_ACTIONS = new Set(["createFirstAdminAction"]);

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return serverActionFiles(full);
    return /\.tsx?$/.test(e.name) && /^\s*["']use server["']/.test(readFileSync(full, "utf8"))
      ? [full]
      : [];
  });
}

function exportedActions(src: string): { name: string; body: string }[] {
  const starts = [...src.matchAll(/export async function (\w+)/g)];
  return starts.map((m, i) => ({
    name: m[1]!,
    body: src.slice(m.index, starts[i + 1]?.index ?? src.length),
  }));
}

describe("server actions", () => {
  const files = serverActionFiles(path.resolve("app"));

  it("finds the app's action files", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files.map((f) => [path.relative(process.cwd(), f), f]))(
    "%s: each action authorizes",
    (_, file) => {
      for (const action of exportedActions(readFileSync(file, "utf8"))) {
        if (PUBLIC_ACTIONS.has(action.name)) continue;
        expect(action.body, action.name).toMatch(/await authorize\("(admin|viewer)"\)/);
      }
    },
  );
});
