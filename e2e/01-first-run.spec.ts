import { expect, test } from "@playwright/test";
import { ADMIN } from "./helpers";

test("a fresh install leads to first run, which creates one admin and then is gone", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/first-run$/);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The password must be at least 10 characters long.",
  );

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?created=1$/);
  await expect(page.getByText("Admin account created. Sign in with it.")).toBeVisible();

  const again = await page.goto("/first-run");
  expect(again?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
