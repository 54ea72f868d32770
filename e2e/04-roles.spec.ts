import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, VIEWER, ensureUser, signIn } from "./helpers";

// This spec's own domain (e2e/README.md); other specs add theirs at the same time.
const DOMAIN = "roles-spec.example.net";

test("an admin invites a viewer, who can read but not add, remove or manage users", async ({
  browser,
}) => {
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, ADMIN);
  await adminPage.getByRole("link", { name: "Users" }).click();
  await adminPage.getByLabel("Name", { exact: true }).fill(VIEWER.name);
  await adminPage.getByLabel("Email", { exact: true }).fill(VIEWER.email);
  await adminPage.getByLabel("First password").fill(VIEWER.password);
  await adminPage.getByLabel("Role", { exact: true }).selectOption("viewer");
  await adminPage.getByRole("button", { name: "Invite user" }).click();
  await expect(adminPage.getByText(`Invited ${VIEWER.email}.`)).toBeVisible();
  const seeded = await adminPage.request.post("/api/domains", {
    data: { name: DOMAIN },
    headers: SAME_ORIGIN,
  });
  expect([201, 409]).toContain(seeded.status());
  await expect(adminPage.getByRole("combobox", { name: `Role of ${VIEWER.email}` })).toHaveValue(
    "viewer",
  );

  const page = await (await browser.newContext()).newPage();
  await signIn(page, VIEWER);
  await expect(page.getByRole("link", { name: DOMAIN })).toBeVisible();
  await expect(page.getByLabel("Add a mail domain")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);

  await page.goto("/users");
  await expect(page).toHaveURL(/\/domains\?denied=1$/);
  await expect(page.getByText("That page is for admins only.")).toBeVisible();

  await page.goto(`/domains/${DOMAIN}`);
  await expect(page.getByText("You have read-only access to this domain.")).toBeVisible();

  // The API refuses a viewer's writes even when the UI is bypassed, and allows reads.
  const read = await page.request.get("/api/domains");
  expect(read.status()).toBe(200);
  expect((await read.json()).domains.map((d: { name: string }) => d.name)).toContain(DOMAIN);
  const add = await page.request.post("/api/domains", { data: { name: "viewer.example" } });
  expect(add.status()).toBe(403);
  expect(await add.json()).toEqual({ error: "Only admins can do this." });
  const remove = await page.request.delete(`/api/domains/${DOMAIN}`);
  expect(remove.status()).toBe(403);

  // The same calls work for the admin.
  const api = (method: string, url: string, data: unknown = {}) =>
    adminPage.request.fetch(url, { method, data, headers: SAME_ORIGIN });
  const added = await api("POST", "/api/domains", { name: "api.example.org" });
  expect(added.status()).toBe(201);
  expect((await api("POST", "/api/domains", { name: "org" })).status()).toBe(400);
  expect((await api("DELETE", "/api/domains/api.example.org")).status()).toBe(204);
});

test("a password reset, a role change and removal each end the user's open session", async ({
  browser,
}) => {
  const rita = { name: "Rita Reset", email: "rita@example.test", password: "rita password 1" };
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, ADMIN);
  await ensureUser(adminPage.request, rita, "viewer");

  const page = await (await browser.newContext()).newPage();
  await signIn(page, rita);

  // Reset: the admin sets a new password in the users page; Rita's next request is signed out.
  await adminPage.goto("/users");
  await adminPage.getByRole("button", { name: `Reset the password of ${rita.email}` }).click();
  await adminPage.getByLabel("New password").fill("rita password 2");
  await adminPage.getByRole("button", { name: "Set new password" }).click();
  await expect(adminPage.getByRole("dialog").getByRole("status")).toHaveText(
    `New password set for ${rita.email}. Their open sessions have ended.`,
  );
  await adminPage.getByRole("button", { name: "Close" }).click();
  await page.goto("/domains");
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, { email: rita.email, password: "rita password 2" });

  // Role change: the session signed before it ends too.
  await adminPage.getByRole("combobox", { name: `Role of ${rita.email}` }).selectOption("admin");
  await expect(adminPage.getByRole("combobox", { name: `Role of ${rita.email}` })).toHaveValue(
    "admin",
  );
  await expect
    .poll(async () => {
      await page.goto("/domains");
      return new URL(page.url()).pathname;
    })
    .toBe("/sign-in");
  await signIn(page, { email: rita.email, password: "rita password 2" });

  // Removal: confirm in the dialog; the row is gone and so is Rita's session.
  await expect(adminPage.getByRole("button", { name: `Remove ${ADMIN.email}` })).toHaveCount(0);
  await adminPage.getByRole("button", { name: `Remove ${rita.email}` }).click();
  await expect(adminPage.getByRole("alertdialog")).toContainText(`Remove ${rita.email}?`);
  await adminPage.getByRole("button", { name: "Remove user" }).click();
  await expect(adminPage.getByRole("cell", { name: rita.email })).toHaveCount(0);
  await page.goto("/domains");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(rita.email);
  await page.getByLabel("Password").fill("rita password 2");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
});
