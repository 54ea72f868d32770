import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

// Names of this spec's own (e2e/README.md): other specs add domains at the same time, so
// the assertions are about these rows, never about the length of the whole list.
const PLAIN = "domains-spec.example.com";
const IDN = "münchen-e2e.de";
const IDN_ASCII = "xn--mnchen-e2e-9db.de";

// The tests build on each other: the IDN domain added first is opened, then removed.
test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ page }) => signIn(page, ADMIN));

async function add(page: import("@playwright/test").Page, name: string) {
  await page.getByLabel("Add a mail domain").fill(name);
  await page.getByRole("button", { name: "Add domain" }).click();
}

test("adds valid and IDN domains and refuses invalid names with the reason", async ({ page }) => {
  await add(page, "Domains-Spec.Example.COM");
  await expect(page.getByRole("status").filter({ hasText: `Added ${PLAIN}.` })).toBeVisible();

  await add(page, IDN);
  const list = page.getByRole("list", { name: "Domains" });
  await expect(list.getByRole("link", { name: IDN })).toBeVisible();
  await expect(list.getByText(IDN_ASCII)).toBeVisible();

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
    [PLAIN, `${PLAIN} is already on the list.`],
  ];
  for (const [input, message] of refusals) {
    await add(page, input);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
  }
  await expect(list.getByRole("listitem").filter({ hasText: PLAIN })).toHaveCount(1);
  await expect(list.getByRole("listitem").filter({ hasText: IDN_ASCII })).toHaveCount(1);
});

test("the domain page shows the four rollout steps and the reports area", async ({ page }) => {
  await page.getByRole("link", { name: IDN }).click();
  await expect(page).toHaveURL(new RegExp(`/domains/${IDN_ASCII.replace(/\./g, "\\.")}$`));
  await expect(page.getByRole("heading", { name: IDN, level: 1 })).toBeVisible();
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
  const items = page.getByRole("list", { name: "Domains" }).getByRole("listitem");
  await page.getByRole("button", { name: `Remove ${IDN}` }).click();
  await expect(page.getByRole("alertdialog", { name: `Remove ${IDN}?` })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(items.filter({ hasText: IDN_ASCII })).toHaveCount(1);
  // The dialog is rendered on demand: closing it gives the focus back to its button.
  await expect(page.getByRole("button", { name: `Remove ${IDN}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alertdialog", { name: `Remove ${IDN}?` })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Remove ${IDN}` })).toBeFocused();

  await page.getByRole("button", { name: `Remove ${IDN}` }).click();
  await page.getByRole("button", { name: "Remove domain" }).click();
  await expect(items.filter({ hasText: IDN_ASCII })).toHaveCount(0);
  await expect(items.filter({ hasText: PLAIN })).toHaveCount(1);
});

test("pages stay readable at 390 px: no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/domains", `/domains/${PLAIN}`, "/users"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: "test-results/screens/domains-390.png", fullPage: true });
});
