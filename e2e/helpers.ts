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
  const res = await admin.post("/api/users", { data: { ...who, role } });
  expect([201, 409]).toContain(res.status());
}
