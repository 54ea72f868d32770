import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Accounts the suite creates: the admin in 01-first-run, the viewer in 04-roles.
export const ADMIN = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: "correct horse battery",
};
export const VIEWER = {
  name: "Vic Viewer",
  email: "vic@example.test",
  password: "viewer password 1",
};

/** The app under test, as playwright.config.ts starts it. */
export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/**
 * What a browser adds to its own fetch() calls: the API refuses a POST, PUT, PATCH or
 * DELETE without a same-site Origin (lib/http/same-origin.ts). Playwright's request
 * context sends no Origin, so API calls in specs that change data pass these headers.
 */
export const SAME_ORIGIN = { origin: BASE_URL };

export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/domains$/);
}

/**
 * Creates a user through the admin API (idempotent: an existing email is fine), for specs
 * that need a viewer or a second admin of their own. Use a spec-specific email.
 */
export async function ensureUser(
  admin: APIRequestContext,
  who: { name: string; email: string; password: string },
  role: "admin" | "viewer",
): Promise<void> {
  const res = await admin.post("/api/users", { data: { ...who, role }, headers: SAME_ORIGIN });
  expect([201, 409]).toContain(res.status());
}

/**
 * Collects every Content-Security-Policy violation on the page (issue 11 §9): the
 * browser's `securitypolicyviolation` events, recorded in each document by an init script
 * (which CSP does not apply to), and Chromium's own console reports of blocked content.
 * Call before the first goto; `violations()` reads the current document's list too.
 */
export async function watchCspViolations(page: Page): Promise<{ violations(): Promise<string[]> }> {
  const fromConsole: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) fromConsole.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener(
      "securitypolicyviolation",
      (e) =>
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${e.documentURI}`,
        ),
      true,
    );
  });
  return {
    async violations() {
      const inPage = await page
        .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
        .catch(() => []);
      return [...fromConsole, ...inPage];
    },
  };
}
