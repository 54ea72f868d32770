import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

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

  await signIn(page, ADMIN);
  await expect(page.getByRole("heading", { name: "Domains", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: `Account menu for ${ADMIN.name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/domains");
  await expect(page).toHaveURL(/\/sign-in$/);
});
