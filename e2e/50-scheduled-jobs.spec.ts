import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, ensureUser, signIn } from "./helpers";

// Issue 14 §1: Settings → Scheduled jobs lists the jobs with their schedules and last runs;
// an admin starts one by hand; the route refuses viewers and unknown jobs.
const VIEWER = {
  name: "Jobs Viewer",
  email: "jobs-viewer@example.test",
  password: "jobs viewer pw 1",
};

test("an admin sees the scheduled jobs and runs one now; a viewer cannot", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, ADMIN);
  await page.goto("/settings");
  const list = page.getByRole("list", { name: "Scheduled jobs" });
  await expect(list.getByRole("listitem")).toHaveCount(4);
  const item = (job: string) => list.locator(`[data-job="${job}"]`);
  await expect(item("recheck-domains")).toContainText("daily at 03:00 UTC");
  // A new installation waits for its first 03:00 instead of re-checking at start.
  await expect(item("recheck-domains")).toContainText("Not run yet.");
  await expect(item("poll-mailboxes")).toContainText("every minute");
  await expect(item("prune-raw-inputs")).toContainText("daily at 04:30 UTC");
  await expect(item("deliver-alerts")).toContainText("every minute");

  await page.getByRole("button", { name: "Run now: prune-raw-inputs" }).click();
  await expect(item("prune-raw-inputs")).toContainText("Started prune-raw-inputs.");
  await expect(async () => {
    await page.reload();
    await expect(item("prune-raw-inputs").getByText("done", { exact: true })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });

  const unknown = await page.request.post("/api/jobs/no-such-job/run", {
    data: {},
    headers: SAME_ORIGIN,
  });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({
    error:
      "There is no job by that name; the jobs are recheck-domains, poll-mailboxes, prune-raw-inputs, deliver-alerts.",
  });

  await ensureUser(page.request, VIEWER, "viewer");
  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, VIEWER);
  const refused = await viewer.request.post("/api/jobs/prune-raw-inputs/run", {
    data: {},
    headers: SAME_ORIGIN,
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "Only admins can do this." });
});
