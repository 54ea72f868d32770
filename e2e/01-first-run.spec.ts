import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN } from "./helpers";

// The server prints the setup code in its log at start and keeps a 0600 copy in its data
// folder (lib/auth/setup-code.ts); the log is piped to Playwright, so the test reads the copy.
const port = Number(process.env.E2E_PORT ?? 3100);
const codeFile = path.resolve(`data/e2e-${port}/setup-code`);

test("a fresh install leads to first run, which needs the setup code, creates one admin and then is gone", async ({
  page,
}) => {
  await expect.poll(() => existsSync(codeFile)).toBe(true);
  const code = readFileSync(codeFile, "utf8").trim();
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  // The form's route handler is public but takes only a same-site JSON POST.
  const fromElsewhere = await page.request.post("/api/first-run", {
    data: { ...ADMIN, setupCode: code },
    headers: { origin: "https://evil.example" },
  });
  expect(fromElsewhere.status()).toBe(403);
  expect(await fromElsewhere.json()).toEqual({
    error: "Refused: this request came from another site (Origin https://evil.example).",
  });

  await page.goto("/");
  await expect(page).toHaveURL(/\/first-run$/);
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  await page
    .getByLabel("Setup code")
    .fill(code === "2222-2222-2222" ? "3333-3333-3333" : "2222-2222-2222");
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That setup code is wrong. Enter the code from the server log of its latest start.",
  );

  await page.getByLabel("Setup code").fill(code.toLowerCase());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The password must be at least 10 characters long.",
  );

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?created=1$/);
  await expect(page.getByText("Admin account created. Sign in with it.")).toBeVisible();
  expect(existsSync(codeFile)).toBe(false);

  const again = await page.goto("/first-run");
  expect(again?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  // The route refuses the used code too: it was deleted with the first account.
  const replay = await page.request.post("/api/first-run", {
    data: { ...ADMIN, email: "eve@example.test", setupCode: code },
    headers: SAME_ORIGIN,
  });
  expect(replay.status()).toBe(400);
  expect(await replay.json()).toEqual({
    error: "That setup code is wrong. Enter the code from the server log of its latest start.",
  });
});
