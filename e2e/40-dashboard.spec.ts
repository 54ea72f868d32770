import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, ensureUser, signIn } from "./helpers";
import { E2E_DB_FILE as dbFile, runSeed } from "./seed-db";

// The report dashboard end to end: demo data through the real ingestion path, the numbers
// on the page compared with the database, drill-down, readiness not ready → fixed → ready,
// switch to enforce (the hosted policy changes) and roll back; a viewer cannot switch.

const DOMAIN = "demo.example";
const VIEWER_DASH = {
  name: "Dash Viewer",
  email: "viewer-dash@example.test",
  password: "viewer dash pass 1",
};

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const DEMO_END = day(-15);

function sql<T>(query: string, ...params: unknown[]): T {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(query).get(...params) as T;
  } finally {
    db.close();
  }
}

const figure = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test.describe.configure({ mode: "serial" });

test("demo data: the dashboard shows the database's numbers, to the session", async ({ page }) => {
  await signIn(page, ADMIN);
  const out = runSeed(["scripts/demo.ts", "--end", DEMO_END]);
  expect(out).toContain(`Reports ${day(-74)} to ${DEMO_END}`);
  const domainId = sql<{ id: string }>(`SELECT id FROM Domain WHERE name = ?`, DOMAIN).id;
  const from = day(-90);
  const to = day(-1);
  const sums = sql<{ ok: number; failed: number }>(
    `SELECT SUM(successfulCount) AS ok, SUM(failedCount) AS failed FROM ReportPolicy
     WHERE domainId = ? AND reportDay BETWEEN ? AND ?`,
    domainId,
    from,
    to,
  );
  expect(sums.ok).toBeGreaterThan(100_000);

  await page.goto(`/domains/${DOMAIN}/reports?days=90`);
  // Grouped for reading (issue 13.4): 123456 shows as "123,456".
  const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
  await expect(figure(page, "Successful sessions")).toHaveText(grouped(sums.ok));
  await expect(figure(page, "Failed sessions")).toHaveText(grouped(sums.failed));
  const api = await (
    await page.request.get(`/api/domains/${DOMAIN}/stats?from=${from}&to=${to}`)
  ).json();
  expect(api.totals).toEqual({ successful: sums.ok, failed: sums.failed });

  const mx2 = sql<{ n: number }>(
    `SELECT SUM(failedSessionCount) AS n FROM FailureDetail
     WHERE domainId = ? AND receivingMxHostname = 'mx2.demo.example' AND reportDay BETWEEN ? AND ?`,
    domainId,
    from,
    to,
  ).n;
  await expect(
    // Counts are grouped like every count in the UI (1,234), issue 16 §6.
    page.getByRole("heading", {
      name: `mx2.demo.example ${mx2.toLocaleString("en-US")} failed sessions`,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole("img", { name: "Successful and failed sessions per day" }),
  ).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByText("The MX certificate has expired.")).toBeVisible();
  const reporters = page.getByRole("table", { name: "Reporters" });
  await expect(reporters.getByRole("row")).toHaveCount(5);
  await expect(reporters.getByRole("row", { name: /Small Sender Ltd/ })).toContainText("30");

  // The MX filter is in the URL: a shared link shows the same view.
  await page.getByLabel("MX host").selectOption("mx2.demo.example");
  await expect(page).toHaveURL(/mx=mx2\.demo\.example/);
  await page.reload();
  await expect(page.getByLabel("MX host")).toHaveValue("mx2.demo.example");
  await expect(page.getByRole("heading", { name: /^mx1\.demo\.example/ })).toHaveCount(0);

  // Drill-down: the rows behind the certificate-expired bar of the demo's last day.
  const expired = sql<{ n: number; rows: number }>(
    `SELECT SUM(failedSessionCount) AS n, COUNT(*) AS rows FROM FailureDetail WHERE domainId = ?
     AND reportDay = ? AND receivingMxHostname = 'mx2.demo.example' AND resultType = 'certificate-expired'`,
    domainId,
    DEMO_END,
  );
  await page.getByText(/^The numbers/).click();
  await page
    .getByRole("button", {
      name: `Details: ${expired.n} certificate-expired on mx2.demo.example on ${DEMO_END}`,
    })
    .click();
  const panel = page.getByRole("region", { name: "Failure details" });
  await expect(panel.getByRole("heading")).toHaveText(
    `certificate-expired on mx2.demo.example, ${DEMO_END}: ${expired.n.toLocaleString("en-US")} failed sessions`,
  );
  await expect(panel.getByRole("row")).toHaveCount(expired.rows + 1);
  await expect(panel.getByRole("row", { name: /Google LLC/ })).toContainText(
    "X509_V_ERR_CERT_HAS_EXPIRED",
  );
  await expect(panel.getByRole("row", { name: /Google LLC/ })).toContainText("192.0.2.20");
});

test("readiness: not ready with reasons, fixed data makes it ready; enforce and roll back", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto(`/domains/${DOMAIN}/enforce`);
  const criteria = page.getByRole("list", { name: "Readiness criteria" });
  await expect(criteria.getByRole("listitem", { name: "READY-3 not met" })).toContainText(
    `No report since ${DEMO_END}: reports have stopped arriving.`,
  );
  await expect(criteria.getByRole("listitem", { name: "READY-1 unknown" })).toContainText(
    "The checker has not run yet",
  );

  // Fix: 14 clean days from every demo reporter (issue 15: none goes quiet), and a clean
  // checker run (the backup MX got a new certificate).
  expect(runSeed(["scripts/demo.ts", "--end", DEMO_END, "--clean", "14"])).toContain(
    "Clean days: 49 reports stored",
  );
  runSeed(["--eval", CLEAN_CHECK]);
  await page.reload();
  for (const id of ["READY-1", "READY-2", "READY-3", "READY-4", "READY-5", "READY-6", "READY-7"])
    await expect(criteria.getByRole("listitem", { name: `${id} met` })).toBeVisible();
  await expect(page.getByText("7 of 7 criteria met.", { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "Switch to enforce" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("will refuse to deliver to an MX host that fails TLS");
  await expect(dialog).toContainText("up to the current max_age (1 day)");
  await dialog.getByRole("button", { name: "Switch to enforce" }).click();
  await expect(page.getByText(/New policy \w+ is being served/)).toBeVisible();
  const hosted = await page.request.get("/.well-known/mta-sts.txt", {
    headers: { Host: `mta-sts.${DOMAIN}` },
  });
  expect(await hosted.text()).toContain("mode: enforce");
  // Scoped to this spec's domain: other specs change policies at the same time.
  const id = sql<{ policyId: string }>(
    `SELECT policyId FROM PolicyVersion WHERE reason = 'enforce'
     AND domainId = (SELECT id FROM Domain WHERE name = ?) ORDER BY seq DESC LIMIT 1`,
    DOMAIN,
  ).policyId;
  await expect(page.getByLabel("New _mta-sts record")).toHaveText(
    `_mta-sts.${DOMAIN}. TXT "v=STSv1; id=${id}"`,
  );
  const audit = sql<{ n: number }>(
    `SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'policy.enforce'
     AND domainId = (SELECT id FROM Domain WHERE name = ?)`,
    DOMAIN,
  );
  expect(audit.n).toBe(1);

  // The switch is a marker on the charts.
  await page.goto(`/domains/${DOMAIN}/reports?days=7`);
  await expect(page.getByRole("list", { name: "Policy changes" })).toContainText(
    `policy ${id} (enforce), mode enforce`,
  );

  await page.goto(`/domains/${DOMAIN}/enforce`);
  await page.getByRole("button", { name: "Roll back to testing" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Roll back" }).click();
  await expect(page.getByLabel("Served policy")).toContainText("mode: testing");
  const back = await page.request.get("/.well-known/mta-sts.txt", {
    headers: { Host: `mta-sts.${DOMAIN}` },
  });
  expect(await back.text()).toContain("mode: testing");
});

test("a viewer sees the dashboard and the verdict but cannot switch", async ({ page, browser }) => {
  await signIn(page, ADMIN);
  await ensureUser(page.request, VIEWER_DASH, "viewer");
  const ctx = await browser.newContext();
  const viewer = await ctx.newPage();
  await signIn(viewer, VIEWER_DASH);
  await viewer.goto(`/domains/${DOMAIN}/enforce`);
  await expect(viewer.getByRole("list", { name: "Readiness criteria" })).toBeVisible();
  await expect(viewer.getByText("Only admins can change the mode.")).toBeVisible();
  await expect(
    viewer.getByRole("button", { name: /Switch to enforce|Roll back|Start removal/ }),
  ).toHaveCount(0);
  const post = await viewer.request.post(`/api/domains/${DOMAIN}/enforce`, {
    data: { action: "enforce", maxAge: 86400, override: true },
  });
  expect(post.status()).toBe(403);
  await viewer.goto(`/domains/${DOMAIN}/reports`);
  await expect(figure(viewer, "Successful sessions")).toBeVisible();
  await ctx.close();
});

// A checker run with every READY-1/2 check passing, stored through lib/db/checks.
const CLEAN_CHECK = `
import { getDb } from "@/lib/db/client";
import { findDomainByName } from "@/lib/db/domains/domains";
import { finishCheckRun, startCheckRun } from "@/lib/db/checks/checks";
const ok = (id, target) => ({ id, severity: "ok", title: id + " passes", evidence: "", fix: "", ...(target ? { target } : {}) });
const results = [ok("CHK-TXT-2"), ok("CHK-HOST-2"), ok("CHK-POL-1"), ok("CHK-RPT-1"), ok("CHK-RPT-3"),
  ...["mx1.demo.example", "mx2.demo.example"].flatMap((m) => ["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"].map((id) => ok(id, m)))];
(async () => {
  const db = await getDb();
  const d = await findDomainByName(db, "${DOMAIN}");
  const id = await startCheckRun(db, d.id, "e2e");
  const now = new Date().toISOString();
  await finishCheckRun(db, id, { domain: "${DOMAIN}", startedAt: now, finishedAt: now, durationMs: 1, mode: "testing",
    deadlineHit: false, results, summary: { error: 0, warning: 0, info: 0, ok: results.length, untested: 0 } });
  await db.$disconnect();
})();
`;
