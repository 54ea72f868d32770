import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, VIEWER, signIn } from "./helpers";

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
  await expect(adminPage.getByRole("combobox", { name: `Role of ${VIEWER.email}` })).toHaveValue(
    "viewer",
  );

  const page = await (await browser.newContext()).newPage();
  await signIn(page, VIEWER);
  await expect(page.getByRole("link", { name: "example.com" })).toBeVisible();
  await expect(page.getByLabel("Add a mail domain")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);

  await page.goto("/users");
  await expect(page).toHaveURL(/\/domains\?denied=1$/);
  await expect(page.getByText("That page is for admins only.")).toBeVisible();

  await page.goto("/domains/example.com");
  await expect(page.getByText("You have read-only access to this domain.")).toBeVisible();

  // The API refuses a viewer's writes even when the UI is bypassed, and allows reads.
  const read = await page.request.get("/api/domains");
  expect(read.status()).toBe(200);
  expect((await read.json()).domains.map((d: { name: string }) => d.name)).toEqual(["example.com"]);
  const add = await page.request.post("/api/domains", { data: { name: "viewer.example" } });
  expect(add.status()).toBe(403);
  expect(await add.json()).toEqual({ error: "Only admins can do this." });
  const remove = await page.request.delete("/api/domains/example.com");
  expect(remove.status()).toBe(403);

  // The same calls work for the admin.
  const api = (method: string, url: string, data: unknown = {}) =>
    adminPage.request.fetch(url, { method, data, headers: SAME_ORIGIN });
  const added = await api("POST", "/api/domains", { name: "api.example.org" });
  expect(added.status()).toBe(201);
  expect((await api("POST", "/api/domains", { name: "org" })).status()).toBe(400);
  expect((await api("DELETE", "/api/domains/api.example.org")).status()).toBe(204);
});
