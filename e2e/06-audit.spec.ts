import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

test("the audit log lists who changed what, newest first, as text", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const rows = page.getByRole("row");
  // Earlier specs: first admin, two domains added (one through the API), one removed, a
  // viewer invited, and the API domain removed again.
  const actions = await rows.locator("td:nth-child(3)").allInnerTexts();
  expect(actions).toContain("user.first-admin");
  expect(actions).toContain("user.invite");
  expect(actions.filter((a) => a === "domain.add").length).toBeGreaterThanOrEqual(3);
  expect(actions.filter((a) => a === "domain.remove").length).toBeGreaterThanOrEqual(2);
  await expect(
    rows.filter({ hasText: "domain.add" }).filter({ hasText: "name: xn--mnchen-3ya.de" }),
  ).toHaveCount(1);
  const firstAdmin = rows.filter({ hasText: "user.first-admin" });
  await expect(firstAdmin.locator("td:nth-child(2)")).toHaveText(ADMIN.email);
  // Newest first: the first-admin event is the last row.
  expect(actions.at(-1)).toBe("user.first-admin");
});
