import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, ensureUser, signIn } from "./helpers";

// The spec makes the changes it then looks for (e2e/README.md): other specs write to the
// same log at the same time, so it asserts on its own rows only.
const DOMAIN = "audit-spec.example.org";
const INVITED = { name: "Aud Itee", email: "auditee@example.test", password: "auditee password 1" };

test("the audit log lists who changed what, newest first, as text", async ({ page }) => {
  await signIn(page, ADMIN);
  const api = (method: string, url: string, data: unknown = {}) =>
    page.request.fetch(url, { method, data, headers: SAME_ORIGIN });
  expect((await api("POST", "/api/domains", { name: DOMAIN })).status()).toBe(201);
  expect((await api("DELETE", `/api/domains/${DOMAIN}`)).status()).toBe(204);
  await ensureUser(page.request, INVITED, "viewer");

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const rows = page.getByRole("row");
  const mine = rows.filter({ hasText: `name: ${DOMAIN}` });
  await expect(mine.filter({ hasText: "domain.add" })).toHaveCount(1);
  await expect(mine.filter({ hasText: "domain.remove" })).toHaveCount(1);
  await expect(mine.locator("td:nth-child(2)")).toHaveText([ADMIN.email, ADMIN.email]);
  // Newest first: the removal is above the addition.
  await expect(mine.locator("td:nth-child(3) code")).toHaveText(["domain.remove", "domain.add"]);
  // The action is named in words above its id.
  await expect(mine.locator("td:nth-child(3) span")).toHaveText(["Domain removed", "Domain added"]);
  const invite = rows.filter({ hasText: "user.invite" }).filter({ hasText: INVITED.email });
  await expect(invite.locator("td:nth-child(2)")).toHaveText(ADMIN.email);
});
