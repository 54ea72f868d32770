import { expect, test } from "@playwright/test";
import { ADMIN, SIGN_IN_TIMEOUT_MS } from "./helpers";

test("wrong password is refused; right password signs in; sign-out ends the session", async ({
  page,
}) => {
  await page.goto("/domains");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in$/);

  // The form itself (signIn may reuse an earlier session of this worker).
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/domains$/, { timeout: SIGN_IN_TIMEOUT_MS });
  await expect(page.getByRole("heading", { name: "Domains", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: `Account menu for ${ADMIN.name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/domains");
  await expect(page).toHaveURL(/\/sign-in$/);
});

// The post-sign-in redirect follows only same-origin paths (lib/auth/safe-redirect.ts).
for (const target of [
  "/\\evil.example",
  "/\t/evil.example",
  "//evil.example",
  "https://evil.example",
]) {
  test(`callbackUrl ${JSON.stringify(target)} lands on the domain list`, async ({ page }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/domains$/);
    await expect(page.getByRole("heading", { name: "Domains", level: 1 })).toBeVisible();
  });
}

test("a same-origin callbackUrl is followed after sign-in", async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/users")}`);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});

test("the 5th failed sign-in on an account says how long to wait", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("throttled@example.test");
  const alert = page.getByRole("main").getByRole("alert");
  for (let i = 1; i <= 4; i++) {
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expect(alert).toHaveText("Wrong email or password.");
  }
  await page.getByLabel("Password").fill("wrong password 5");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText("Too many failed sign-ins. Try again in 1 second.");
});
