import { expect, type Page } from "@playwright/test";

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
