import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

test.beforeEach(async ({ page }) => signIn(page, ADMIN));

async function add(page: import("@playwright/test").Page, name: string) {
  await page.getByLabel("Add a mail domain").fill(name);
  await page.getByRole("button", { name: "Add domain" }).click();
}

test("adds valid and IDN domains and refuses invalid names with the reason", async ({ page }) => {
  await add(page, "Example.COM");
  await expect(page.getByRole("status").filter({ hasText: "Added example.com." })).toBeVisible();

  await add(page, "münchen.de");
  const list = page.getByRole("list", { name: "Domains" });
  await expect(list.getByRole("link", { name: "münchen.de" })).toBeVisible();
  await expect(list.getByText("xn--mnchen-3ya.de")).toBeVisible();

  const refusals: [string, string][] = [
    [
      "co.uk",
      "co.uk is a public suffix (a name under which anyone can register domains), not a mail domain.",
    ],
    [
      "192.0.2.1",
      "192.0.2.1 is an IP address. MTA-STS protects mail domains: enter a domain name.",
    ],
    ["intranet", '"intranet" is a single label. Enter the full mail domain, like intranet.com.'],
    [
      "bad_name.example",
      '"bad_name.example" is not a valid domain name: the label "bad_name" may only hold letters, digits and inner hyphens, up to 63 characters.',
    ],
    ["example.com", "example.com is already on the list."],
  ];
  for (const [input, message] of refusals) {
    await add(page, input);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
  }
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "2 domains" })).toBeVisible();
});

test("the domain page shows the four rollout steps and the reports area", async ({ page }) => {
  await page.getByRole("link", { name: "münchen.de" }).click();
  await expect(page).toHaveURL(/\/domains\/xn--mnchen-3ya\.de$/);
  await expect(page.getByRole("heading", { name: "münchen.de", level: 1 })).toBeVisible();
  for (const step of [
    "Check the current configuration",
    "Create a policy",
    "Publish the policy",
    "Add the DNS records",
  ]) {
    await expect(page.getByRole("heading", { name: step })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "TLS reports" })).toBeVisible();
});

test("removing a domain asks first, then removes it", async ({ page }) => {
  await page.getByRole("button", { name: "Remove münchen.de" }).click();
  await expect(page.getByRole("alertdialog", { name: "Remove münchen.de?" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("list", { name: "Domains" }).getByRole("listitem")).toHaveCount(2);

  await page.getByRole("button", { name: "Remove münchen.de" }).click();
  await page.getByRole("button", { name: "Remove domain" }).click();
  await expect(page.getByRole("list", { name: "Domains" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "1 domain" })).toBeVisible();
});

test("pages stay readable at 390 px: no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/domains", "/domains/example.com", "/users"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: "test-results/screens/domains-390.png", fullPage: true });
});
