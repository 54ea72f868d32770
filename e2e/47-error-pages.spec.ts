import { expect, test } from "@playwright/test";

// Issue 13.4: the error pages show the id proxy.ts gave the request (x-request-id), the same
// one the response carries and the server log names, so a person's report can be traced.
// app/error.tsx (a render failure) is rendered in app/error-page.test.ts: no page fails on
// purpose to be reached from here.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("a page that does not exist says so and shows its request id", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  const id = response?.headers()["x-request-id"] ?? "";
  expect(id).toMatch(UUID);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByTestId("request-reference")).toHaveText(`Request id ${id}`);
});
