import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startHttpReceiver, type HttpReceiver } from "@/lib/alerts/receivers.test-utils";
import { ADMIN, SAME_ORIGIN, ensureUser, signIn } from "./helpers";

// Issue 14 §3: an admin sets a domain's alerts (a Standard Webhooks receiver this spec
// starts on loopback), turns one kind off, sends a test alert and sees each channel's
// result and the list; the receiver verifies the signature with the secret shown once.
// A receiver answering 500 leaves the delivery pending with the error; a viewer reads only.

const DOMAIN = "alerts-spec.example.net";
const PAGE = `/domains/${DOMAIN}/alerts`;
const VIEWER = {
  name: "Alert Viewer",
  email: "alerts-viewer@example.test",
  password: "alerts viewer pw 1",
};

test.describe.configure({ mode: "serial" });

let hook: HttpReceiver;
let secret = "";

test.beforeAll(async () => {
  hook = await startHttpReceiver([200]);
});

test.afterAll(async () => {
  await hook.close();
});

async function signedInAdmin(page: Page) {
  await signIn(page, ADMIN);
  const res = await page.request.post("/api/domains", {
    data: { name: DOMAIN },
    headers: SAME_ORIGIN,
  });
  expect([201, 409]).toContain(res.status());
}

test("alert settings: webhook on, one kind off, the signing secret shown once", async ({
  page,
}) => {
  await signedInAdmin(page);
  await page.goto(PAGE);
  await expect(page.getByRole("link", { name: "Alerts", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const form = page.getByRole("form", { name: "Alert settings" });
  await form.getByLabel("Send alerts to a webhook").check();
  await form.getByLabel("Webhook URL").fill(hook.url);
  await form.getByLabel("Format").selectOption("standard");
  await form.getByLabel(/Reports stopped arriving/).uncheck();
  await form.getByRole("button", { name: "Save alert settings" }).click();
  await expect(form.getByText("Alert settings saved.")).toBeVisible();
  secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  await expect(form.getByLabel("Webhook URL")).toHaveValue(hook.url);
  await expect(form.getByLabel(/Reports stopped arriving/)).not.toBeChecked();
  await expect(form.getByLabel(/Certificate expires soon/)).toBeChecked();
});

test("Send a test alert: delivered, signed, listed", async ({ page }) => {
  await signedInAdmin(page);
  await page.goto(PAGE);
  const before = hook.posts.length;
  await page.getByRole("button", { name: "Send a test alert" }).click();
  const result = page.getByRole("list", { name: "Test alert result" });
  await expect(result.getByRole("listitem")).toHaveText(["Webhook: sent (HTTP 200)"]);
  expect(hook.posts).toHaveLength(before + 1);
  const post = hook.posts[before]!;
  expect(new Webhook(secret).verify(post.body, post.headers)).toMatchObject({
    type: "alert.raised",
    data: { domain: DOMAIN, kind: "TEST", title: `Test alert for ${DOMAIN}`, severity: "info" },
  });
  const row = page.getByRole("table", { name: "Alerts" }).getByRole("row").nth(1);
  await expect(row).toContainText(`Test alert for ${DOMAIN}`);
  await expect(row).toContainText("webhook: sent");
  await expect(row).toContainText(`${new URL(hook.url).origin}/… · 1 attempt`);
});

test("a receiver answering 500: the test alert waits for a retry and shows the error", async ({
  page,
}) => {
  hook.statuses = [500];
  const before = hook.posts.length;
  await signedInAdmin(page);
  await page.goto(PAGE);
  await page.getByRole("button", { name: "Send a test alert" }).click();
  await expect(
    page.getByRole("list", { name: "Test alert result" }).getByRole("listitem"),
  ).toHaveText(["Webhook: not delivered yet, will retry (HTTP 500)"]);
  expect(hook.posts).toHaveLength(before + 1);
  const row = page.getByRole("table", { name: "Alerts" }).getByRole("row").nth(1);
  await expect(row).toContainText("webhook: pending");
  await expect(row).toContainText("HTTP 500");
  // When, and how soon (a relative time, lib/core/format-date.ts formatRelative).
  await expect(row).toContainText(
    /· next try \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in \d+ (second|minute|hour)s?\)/,
  );
  hook.statuses = [200];
});

test("a viewer reads the settings (webhook host only) and cannot send", async ({
  page,
  browser,
}) => {
  await signedInAdmin(page);
  await ensureUser(page.request, VIEWER, "viewer");
  const viewer = await browser.newPage();
  await signIn(viewer, VIEWER);
  await viewer.goto(PAGE);
  await expect(viewer.getByText(`${new URL(hook.url).origin}/… (standard)`)).toBeVisible();
  await expect(viewer.getByText(hook.url)).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Send a test alert" })).toHaveCount(0);
  await expect(viewer.getByRole("table", { name: "Alerts" })).toContainText(
    `Test alert for ${DOMAIN}`,
  );
  const res = await viewer.request.post(`/api/domains/${DOMAIN}/alerts/test`, {
    data: {},
    headers: SAME_ORIGIN,
  });
  expect(res.status()).toBe(403);
  await viewer.close();
});
