import { expect, type APIRequestContext, type Cookie, type Page } from "@playwright/test";

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

/** The session cookies of this worker's sign-ins, by account and password (see signIn). */
const sessions = new Map<string, Cookie[]>();

/**
 * Signs in on the sign-in page, or, when this worker has signed in with the same email and
 * password before, reuses that session: the page opens /domains with its cookies, and only
 * if the session has ended since (sign-out, password reset, role change) signs in afresh.
 * A sign-in is two page loads and a bcrypt comparison, which waits for a core on a busy
 * machine; sign-in itself is tested where a spec fills the form (02, 49, 50).
 */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  const key = `${who.email}\n${who.password}`;
  const saved = sessions.get(key);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/domains");
    if (/\/domains$/.test(page.url())) return;
    sessions.delete(key);
    await page.context().clearCookies();
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The password is compared in the worker pool at a lower priority (lib/pool): on a loaded
  // 2-core machine (CI saw "Signing in…" still pending after 10 s) it waits for a core.
  await expect(page).toHaveURL(/\/domains$/, { timeout: SIGN_IN_TIMEOUT_MS });
  sessions.set(key, await page.context().cookies());
}

/** How long a spec waits for a sign-in to land (see signIn). */
export const SIGN_IN_TIMEOUT_MS = 30_000;

/** The same sign-in on a German page (a browser asking for de-DE, issue 16 §6). */
export async function signInGerman(
  page: Page,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-Mail-Adresse").fill(who.email);
  await page.getByLabel("Passwort").fill(who.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/domains$/, { timeout: SIGN_IN_TIMEOUT_MS });
}

const GERMAN_DAY = new Intl.DateTimeFormat("de-DE", {
  timeZone: "UTC",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/**
 * A UTC day as German pages write it (issue 16 §6): "01.12.2026". Read with Intl, not with
 * lib/core/format-date.ts, so a spec checks the page against an independent reading.
 */
export const germanDay = (d: Date | string): string => GERMAN_DAY.format(new Date(d));

/** A UTC time as German pages write it: "01.12.2026 11:24:36 UTC" (options drop seconds or zone). */
export function germanTime(
  d: Date | string,
  { seconds = true, zone = true }: { seconds?: boolean; zone?: boolean } = {},
): string {
  const time = new Intl.DateTimeFormat("de-DE", {
    timeZone: "UTC",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    hourCycle: "h23",
  }).format(new Date(d));
  return `${germanDay(d)} ${time}${zone ? " UTC" : ""}`;
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
