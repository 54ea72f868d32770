import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every mutating route handler (POST/PUT/PATCH/DELETE) in app/api goes through withUser
// (or withDomain, which is withUser plus the domain lookup, or withUserUpload), which checks the session and role and refuses cross-site requests
// and non-JSON bodies (lib/http/same-origin.ts, issue 11 §9). This reads every route file
// and fails for a mutating handler that is exported any other way, unless it is public.

const PUBLIC_MUTATIONS = new Set([
  // RFC 8460 §5.3: reporters POST from anywhere, without a session or an Origin.
  "app/api/reports/tlsrpt/route.ts POST",
  // next-auth's own sign-in and sign-out endpoints carry next-auth's CSRF token.
  "app/api/auth/[...nextauth]/route.ts POST",
]);
// Public, but behind the public-endpoint limits, and the handler itself refuses a
// cross-site or non-JSON request (the first admin account, issue 13 §2).
const PUBLIC_LIMITED = new Set(["app/api/first-run/route.ts POST"]);
// Public reads without a session: each must go through the public-endpoint limits
// (lib/http/public-endpoint.ts). The metrics endpoint also asks for its bearer token
// (STS_METRICS_TOKEN, issue 14 §4); api/health stays unlimited for load balancers.
const PUBLIC_READS = new Set([
  "app/api/mta-sts/route.ts GET",
  "app/api/tls-ask/route.ts GET",
  "app/api/metrics/route.ts GET",
]);
// The only handlers whose body is a file rather than JSON.
const FILE_BODIES = new Set(["app/api/reports/upload/route.ts POST"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

/** Each exported mutating handler with the text that defines it ("= withUser(…" etc.). */
function mutatingExports(src: string): { method: string; definition: string }[] {
  const out: { method: string; definition: string }[] = [];
  const exported =
    /export\s+(?:const|let|var|async\s+function|function)\s+(POST|PUT|PATCH|DELETE)\b(.*)/g;
  for (const m of src.matchAll(exported)) out.push({ method: m[1]!, definition: m[2]!.trim() });
  // `export { handler as POST }` and the like.
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of m[1]!.matchAll(/\b(?:\w+\s+as\s+)?(POST|PUT|PATCH|DELETE)\b/g)) {
      out.push({ method: name[1]!, definition: `export { … ${name[0]} }` });
    }
  }
  return out;
}

const WRAPPED = /^=\s*with(?:User|Domain)(?:<[^>]*>)?\(\s*"(?:admin|viewer)"/;
const WRAPPED_PUBLIC = /^=\s*publicEndpoint\(/;
const WRAPPED_FILE = /^=\s*withUserUpload(?:<[^>]*>)?\(\s*"(?:admin|viewer)"/;

describe("mutating route handlers", () => {
  const files = routeFiles(path.resolve("app/api")).map((f) => path.relative(process.cwd(), f));

  it("finds the app's route files and their mutating handlers", () => {
    const all = files.flatMap((f) =>
      mutatingExports(readFileSync(f, "utf8")).map((h) => `${f} ${h.method}`),
    );
    expect(all).toContain("app/api/domains/route.ts POST");
    expect(all).toContain("app/api/domains/[name]/route.ts DELETE");
    expect(all).toContain("app/api/reports/upload/route.ts POST");
    expect(all).toContain("app/api/users/[id]/route.ts PATCH");
    expect(all).toContain("app/api/mailboxes/[id]/route.ts PUT");
    expect(all).toContain("app/api/first-run/route.ts POST");
    expect(all.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((f) => [f]))("%s: each mutating handler is wrapped", (file) => {
    for (const h of mutatingExports(readFileSync(file, "utf8"))) {
      const key = `${file} ${h.method}`;
      if (PUBLIC_MUTATIONS.has(key)) continue;
      const pattern = FILE_BODIES.has(key)
        ? WRAPPED_FILE
        : PUBLIC_LIMITED.has(key)
          ? WRAPPED_PUBLIC
          : WRAPPED;
      expect(h.definition, key).toMatch(pattern);
    }
  });

  it("the sweep recognises the ways a handler can escape the wrapper", () => {
    const bare = `export async function POST(req: Request) {}\nexport { del as DELETE };`;
    expect(mutatingExports(bare).map((h) => [h.method, WRAPPED.test(h.definition)])).toEqual([
      ["POST", false],
      ["DELETE", false],
    ]);
    const other = `export const PUT = withSomethingElse("admin", h);`;
    expect(WRAPPED.test(mutatingExports(other)[0]!.definition)).toBe(false);
    const upload = `export const POST = withUserUpload("admin", h);`;
    expect(WRAPPED.test(mutatingExports(upload)[0]!.definition)).toBe(false);
    const ok = `export const PATCH = withUser<Params>("admin", async (req) => {`;
    expect(WRAPPED.test(mutatingExports(ok)[0]!.definition)).toBe(true);
    const domain = `export const DELETE = withDomain("admin", async (_req, user, d) =>`;
    expect(WRAPPED.test(mutatingExports(domain)[0]!.definition)).toBe(true);
    const unchecked = `export const POST = withDomain(role, h);`;
    expect(WRAPPED.test(mutatingExports(unchecked)[0]!.definition)).toBe(false);
  });
});

/** The text after `export … GET` (its definition), or null without a GET handler. */
const getDefinition = (src: string): string | null =>
  /export\s+(?:const|let|var|async\s+function|function)\s+GET\b(.*)/.exec(src)?.[1]?.trim() ?? null;

describe("public read handlers", () => {
  it.each([...PUBLIC_READS].map((k) => [k]))("%s is wrapped in publicEndpoint", (key) => {
    const file = key.split(" ")[0]!;
    expect(getDefinition(readFileSync(path.resolve(file), "utf8")), key).toMatch(WRAPPED_PUBLIC);
  });

  it("a bare public GET handler would be caught", () => {
    expect(getDefinition("export async function GET(req: Request) {}")).toBe("(req: Request) {}");
    expect(WRAPPED_PUBLIC.test("(req: Request) {}")).toBe(false);
  });
});
