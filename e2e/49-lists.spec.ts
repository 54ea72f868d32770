import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";

// Issue 16 in the browser: the domain list with search, filters, natural sort, paging and
// its state in the URL (back/forward); received reports and the audit log paged through
// everything; and the contradictions fixed on screen (report address, titles, removal
// steps, sign-in errors). Seeded through lib/db under the prefix "zz-lists-" (it sorts
// after every other spec's domains, so their rows stay on page 1 of the list).

const port = Number(process.env.E2E_PORT ?? 3100);
const env = { ...process.env, DATABASE_URL: `file:./data/e2e-${port}/e2e.db` };
const P = "zz-lists-";
const D1 = `${P}d1.example`;
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** 120 domains (d1..d120, the first five with a testing policy) and 60 reports for d1. */
const SEED = `
import { getDb } from "@/lib/db/client";
import { addDomain } from "@/lib/db/domains/domains";
import { createPolicyVersion } from "@/lib/db/policies/policies";
import { listUsers } from "@/lib/db/users/users";
import { ingestGenerated } from "@/lib/demo/load-demo";
const day = (o) => new Date(Date.now() + o * 86400000).toISOString().slice(0, 10);
(async () => {
  const db = await getDb();
  const admin = (await listUsers(db)).find((u) => u.role === "admin");
  const actor = { userId: admin.id, email: admin.email };
  if ((await db.domain.count({ where: { name: "${D1}" } })) > 0) {
    console.log("seeded before");
    return;
  }
  for (let i = 1; i <= 120; i++) {
    const name = "${P}d" + i + ".example";
    const d = await addDomain(db, { name, displayName: name }, actor);
    if (i <= 5)
      await createPolicyVersion(db, d.value.id, { mode: "testing", maxAge: 86400, mx: ["mx1." + name, "mx2." + name] }, "create", actor);
  }
  const reports = [];
  for (let i = 1; i <= 60; i++) {
    const acme = i % 2 === 0;
    reports.push({
      organization: acme ? "Acme Mail" : "Other Sender",
      contactInfo: acme ? "tls@acme-mail.example" : "tls@other-sender.example",
      reportId: "lists-" + i,
      day: day(-i),
      policies: [{ policyType: "sts", policyDomain: "${D1}", successful: i, failures: [] }],
    });
  }
  const t = await ingestGenerated(db, reports);
  console.log("stored " + t.stored);
  await db.$disconnect();
})();
`;

const items = (page: Page) =>
  page.getByRole("list", { name: "Domains" }).getByRole("listitem").getByRole("link");

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  const out = execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "--eval", SEED], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(out).toMatch(/stored 60|seeded before/);
});

test("domain list: search, natural sort, page 2, back/forward and a shared URL", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto(`/domains?q=${P}`);
  await expect(page.getByRole("heading", { name: "1–50 of 120 domains matching" })).toBeVisible();
  await expect(items(page)).toHaveCount(50);
  // Natural sort (Intl.Collator numeric): d1, d2, d3 … not d1, d10, d100.
  await expect(items(page).nth(0)).toHaveText(`${P}d1.example`);
  await expect(items(page).nth(1)).toHaveText(`${P}d2.example`);
  await expect(items(page).nth(9)).toHaveText(`${P}d10.example`);
  await page
    .getByRole("navigation", { name: "Domain list pages" })
    .getByRole("link", { name: "Next page" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/domains\\?q=${P}&page=2$`));
  await expect(page.getByRole("heading", { name: "51–100 of 120 domains matching" })).toBeVisible();
  await expect(items(page).nth(0)).toHaveText(`${P}d51.example`);
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/domains\\?q=${P}$`));
  await expect(items(page).nth(0)).toHaveText(`${P}d1.example`);
  await expect(page.getByLabel("Name contains")).toHaveValue(P);
  await page.goForward();
  await expect(items(page).nth(0)).toHaveText(`${P}d51.example`);

  // The search narrows and keeps the natural order: d1, d10 … d19, d100 … d120.
  await page.goto(`/domains?q=${P}d1`);
  await expect(page.getByRole("heading", { name: "32 domains match" })).toBeVisible();
  await expect(items(page).nth(0)).toHaveText(`${P}d1.example`);
  await expect(items(page).nth(1)).toHaveText(`${P}d10.example`);
  await expect(items(page).nth(11)).toHaveText(`${P}d100.example`);
  await expect(page.getByRole("navigation", { name: "Domain list pages" })).toHaveCount(0);
});

test("domain list: filters by mode and step from the form, the URL holds them", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/domains");
  await page.getByLabel("Name contains").fill(`${P}d2`);
  await page.getByLabel("Mode").selectOption("no-policy");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=zz-lists-d2/);
  await expect(page).toHaveURL(/mode=no-policy/);
  // d2 has a policy; d20 … d29 do not.
  await expect(page.getByRole("heading", { name: "10 domains match" })).toBeVisible();
  await expect(items(page).nth(0)).toHaveText(`${P}d20.example`);

  await page.goto(`/domains?q=${P}&mode=testing`);
  await expect(page.getByRole("heading", { name: "5 domains match" })).toBeVisible();
  await expect(items(page)).toHaveText([1, 2, 3, 4, 5].map((i) => `${P}d${i}.example`));
  await expect(page.getByLabel("Mode")).toHaveValue("testing");

  await page.goto(`/domains?q=${P}&step=live`);
  await expect(page.getByRole("heading", { name: "No domain matches" })).toBeVisible();
  await page.goto(`/domains?q=${P}&step=check&page=3`);
  await expect(
    page.getByRole("heading", { name: "101–120 of 120 domains matching" }),
  ).toBeVisible();

  await page.goto(`/domains?q=${P}&step=9`);
  await expect(
    page.getByText(
      'The step filter "9" is not one of check, policy, publish, dns, live; it was ignored.',
    ),
  ).toBeVisible();
});

test("received reports: every report reachable with the cursor, reporter filter in the URL", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const base = `/domains/${D1}/reports/received`;
  await page.goto(base);
  const rows = page.getByRole("table", { name: "Received reports" }).locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(day(-1));
  await page.getByRole("link", { name: "Older reports" }).click();
  await expect(page).toHaveURL(/after=\d+\.\d+/);
  await expect(rows).toHaveCount(10);
  await expect(rows.last()).toContainText(day(-60));
  await expect(page.getByRole("link", { name: "Older reports" })).toHaveCount(0);

  await page.goto(`${base}?reporter=acme`);
  await expect(rows).toHaveCount(30);
  await expect(rows.first()).toContainText("Acme Mail");
  await expect(page.getByLabel("Reporter")).toHaveValue("acme");
  await page.goto(`${base}?from=${day(-10)}&to=${day(-6)}`);
  await expect(rows).toHaveCount(5);
});

test("audit log: pages past the first 50 with action and user filters in the URL", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto(`/audit?action=domain.add&user=${encodeURIComponent(ADMIN.email)}`);
  const table = page.getByRole("table");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  // Follow "Older events" until our first domain's event shows: it is 120+ events back.
  let pages = 1;
  while ((await table.getByRole("cell", { name: D1, exact: true }).count()) === 0) {
    const before = page.url();
    await page.getByRole("link", { name: "Older events" }).click();
    await expect(page).not.toHaveURL(before);
    await expect(page).toHaveURL(/action=domain\.add.*after=\d+/);
    pages++;
    expect(pages).toBeLessThan(20);
  }
  expect(pages).toBeGreaterThanOrEqual(3);
  for (const what of await table.locator("tbody tr td:nth-child(3) code").allTextContents())
    expect(what).toBe("domain.add");
  await expect(page.getByLabel("Action")).toHaveValue("domain.add");
});

test("one truth: titles, report address, removal steps, the override's words", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`/domains/${D1}/policy`);
  await expect(page).toHaveTitle(`Policy · ${D1} · STS Rollout`);
  await page.goto(`/domains/${D1}/publish`);
  await expect(page).toHaveTitle(`Publish · ${D1} · STS Rollout`);
  await page.goto(`/domains/${D1}/dns`);
  await expect(page).toHaveTitle(`DNS records · ${D1} · STS Rollout`);
  const dnsNotice = await page.getByTestId("report-destination-notice").textContent();
  await page.goto("/settings");
  await expect(page.getByTestId("rua-https-missing")).toHaveText(dnsNotice ?? "(none on /dns)");
  await expect(page.getByTestId("rua-https-missing")).toHaveText(
    /^No report destination is configured\./,
  );

  await page.goto(`/domains/${P}d120.example/enforce`);
  await expect(page).toHaveTitle(`Enforce · ${P}d120.example · STS Rollout`);
  await expect(page.getByTestId("removal-none")).toHaveText(
    "Nothing to remove: this domain has never served a policy.",
  );
  await expect(page.getByText(/Safe from/)).toHaveCount(0);

  await page.goto(`/domains/${D1}/enforce`);
  await expect(
    page.getByRole("heading", { name: "Had the policy been in enforce mode" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Switch to enforce" }).click();
  await expect(
    page
      .getByRole("alertdialog")
      .getByText(/^Switch although these criteria are not met: .*\(READY-1\)/),
  ).toBeVisible();
});

test("a failed sign-in marks both fields invalid and moves focus to the error", async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const error = page.getByRole("main").getByRole("alert");
  await expect(error).toHaveText("Wrong email or password.");
  await expect(error).toBeFocused();
  for (const field of ["Email", "Password"]) {
    await expect(page.getByLabel(field)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(field)).toHaveAttribute("aria-describedby", "sign-in-error");
  }
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Wrong email or password.");
});
