import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { policyText } from "./servers/lab-zones";
import { startTestWorld, type TestWorld } from "./servers/world";
import { ADMIN, SAME_ORIGIN, ensureUser, signIn } from "./helpers";

// Step 1 against real servers on loopback: DNS, the policy host over HTTPS and SMTP with
// STARTTLS, all started here. The app reads the checker's network settings from
// data/e2e-<port>/checker.json for every check.

const GOOD = "good.check.test";
const BROKEN = "broken.check.test";
const MX1 = `mx1.${BROKEN}`;
const MX2 = `mx2.${BROKEN}`;
const CHECKER_VIEWER = {
  name: "Vera Checkviewer",
  email: "viewer-check@example.test",
  password: "viewer check password",
};
const ALREADY_RUNNING =
  "A check of this domain is already running. Wait for it to finish, then run it again.";
const port = Number(process.env.E2E_PORT ?? 3100);

let world: TestWorld;

test.beforeAll(async () => {
  world = await startTestWorld({
    domains: [
      {
        name: GOOD,
        mx: [{ host: `mx1.${GOOD}` }],
        policy: { behaviour: { body: policyText("enforce", [`mx1.${GOOD}`]) } },
        stsTxt: ["v=STSv1; id=20250301T120000Z"],
        tlsRpt: [`v=TLSRPTv1; rua=mailto:tlsrpt@${GOOD}`],
        records: [
          { name: GOOD, type: "TXT", strings: ["v=spf1 mx -all"] },
          { name: `_dmarc.${GOOD}`, type: "TXT", strings: ["v=DMARC1; p=reject"] },
          {
            name: `s1._domainkey.${GOOD}`,
            type: "TXT",
            strings: ["v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"],
          },
        ],
      },
      {
        // An expired certificate on one MX, a slow (but fine) second MX so progress is
        // visible, and no TLS-RPT record.
        name: BROKEN,
        mx: [
          { host: MX1, cert: "expired" },
          { host: MX2, smtp: { bannerDelayMs: 1200 } },
        ],
        policy: { behaviour: { body: policyText("enforce", [MX1, MX2]) } },
        stsTxt: ["v=STSv1; id=20250301T120000Z"],
        records: [
          { name: BROKEN, type: "TXT", strings: ["v=spf1 mx -all"] },
          { name: `_dmarc.${BROKEN}`, type: "TXT", strings: ["v=DMARC1; p=reject"] },
        ],
      },
    ],
  });
  const dir = path.resolve(`data/e2e-${port}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "checker.json"),
    JSON.stringify({
      dnsServers: [world.dnsServer],
      caPem: world.caPem,
      allowPrivate: true,
      deadlineMs: 15000,
    }),
  );
});

test.afterAll(async () => {
  await world?.stop();
});

/** The expired certificate's notAfter is ten days ago (either side of midnight UTC). */
function expiredDatePattern(): RegExp {
  const day = 86_400_000;
  const dates = [-10 * day - 60_000, -10 * day + 60_000].map((d) =>
    new Date(Date.now() + d).toISOString().slice(0, 10),
  );
  return new RegExp(`expires (${[...new Set(dates)].join("|")})T[0-9:.]+Z \\(-1[01] days\\)`);
}

const result = (page: Page, group: string, id: string) =>
  page.getByRole("region", { name: group }).getByTestId("check-result").filter({ hasText: id });

async function runCheckAndWait(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Run check" }).click();
  const progress = page.getByTestId("check-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("data-phase", "stored", { timeout: 20_000 });
  await expect(progress).toContainText(/Done: all \d+ probes finished/);
  await expect(page.getByRole("button", { name: "Run check" })).toBeEnabled();
}

test("step 1 runs the check with live progress, keeps history and shows what changed", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  for (const name of [GOOD, BROKEN]) {
    const res = await page.request.post("/api/domains", { data: { name }, headers: SAME_ORIGIN });
    expect(res.status()).toBe(201);
  }

  await page.goto(`/domains/${BROKEN}/check`);
  await expect(
    page.getByText("No check has run yet. Run one to see where the domain stands."),
  ).toBeVisible();

  // Progress while it runs: the slow MX keeps one probe running for a few seconds.
  await page.getByRole("button", { name: "Run check" }).click();
  const progress = page.getByTestId("check-progress");
  await expect(progress).toHaveAttribute("data-phase", "running");
  await expect(page.getByRole("progressbar", { name: "Check progress" })).toBeVisible();
  await expect(progress).toContainText(/\d+ of \d+ probes done/);
  await expect(
    page
      .getByRole("list", { name: "Probes" })
      .locator(`[data-probe="mx:${MX2}"][data-state="running"]`),
  ).toBeVisible();
  await expect(progress).toHaveAttribute("data-phase", "stored", { timeout: 20_000 });
  await expect(progress).toContainText(/Done: all \d+ probes finished/);
  await expect(
    page.getByRole("list", { name: "Probes" }).locator('[data-state="running"]'),
  ).toHaveCount(0);

  // The stored report: summary, exact ids and severities, evidence and fix.
  await expect(page.getByTestId("check-summary")).toHaveText(
    "1 error, 1 warning, 0 could not be tested, 2 info, 30 ok",
  );
  const expired = result(page, `MX host ${MX1}`, "CHK-MX-5");
  await expect(expired).toHaveCount(1);
  await expect(expired).toHaveAttribute("data-severity", "error");
  await expect(expired.getByText("Error", { exact: true })).toBeVisible();
  await expect(expired).toContainText(
    "Certificate not valid for MTA-STS: the certificate has expired",
  );
  await expect(expired.locator("pre")).toHaveText(expiredDatePattern());
  // Every address is probed on its own; the result names the one it is about (issue 12).
  await expect(expired).toHaveAttribute("data-address", world.ipOf(MX1) ?? "");
  await expect(expired.getByTestId("result-address")).toHaveText(`IPv4 ${world.ipOf(MX1)}`);
  await expect(expired.locator("pre")).toContainText(
    `subject CN=${MX1}; SAN ${MX1}; issuer CN=STS Rollout Test CA`,
  );
  await expect(expired).toContainText(
    `Install a publicly trusted, unexpired certificate on ${MX1} whose subjectAltName lists ${MX1}`,
  );
  const fine = result(page, `MX host ${MX2}`, "CHK-MX-5");
  await expect(fine).toHaveAttribute("data-severity", "ok");
  await expect(fine).toContainText("Certificate is trusted and names the host");
  const rpt = result(page, "TLS-RPT record _smtp._tls", "CHK-RPT-1");
  await expect(rpt).toHaveAttribute("data-severity", "warning");
  await expect(rpt.getByText("Warning", { exact: true })).toBeVisible();
  await expect(rpt).toContainText("No TLS-RPT record: no visibility into failures");
  await expect(rpt).toContainText(
    `Publish a TXT record at _smtp._tls.${BROKEN}: "v=TLSRPTv1; rua=mailto:tlsrpt@${BROKEN}".`,
  );
  for (const group of [
    "DNS record _mta-sts",
    `Policy host mta-sts.${BROKEN}`,
    "Policy content",
    "MX records and policy coverage",
    "SPF, DMARC and DKIM",
  ]) {
    await expect(page.getByRole("region", { name: group })).toBeVisible();
  }
  await expect(page.getByText("This is the first run: nothing to compare.")).toBeVisible();
  const runs = page.getByRole("list", { name: "Previous runs" }).getByTestId("check-run");
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText(ADMIN.email);
  await expect(runs.first()).toContainText("1 error, 1 warning, 0 could not be tested");

  // Nothing changed: the second run says so.
  await runCheckAndWait(page);
  await expect(runs).toHaveCount(2);
  await expect(page.getByText(/^No changes since the previous run \(.+ UTC\)\.$/)).toBeVisible();
  await expect(page.getByTestId("check-summary")).toHaveText(
    "1 error, 1 warning, 0 could not be tested, 2 info, 30 ok",
  );
  mkdirSync("test-results/screens", { recursive: true });
  await page.screenshot({ path: "test-results/screens/step1-check.png", fullPage: true });

  // Clicking an older run shows it.
  await runs.nth(1).getByRole("button").click();
  await expect(page.getByText("This is the first run: nothing to compare.")).toBeVisible();

  // A good domain: nothing to fix.
  await page.goto(`/domains/${GOOD}/check`);
  await runCheckAndWait(page);
  await expect(page.getByTestId("check-summary")).toHaveText(
    "0 errors, 0 warnings, 0 could not be tested, 1 info, 28 ok",
  );
  await expect(page.locator('[data-testid="check-result"][data-severity="error"]')).toHaveCount(0);
});

test("one run per domain at a time, streamed as NDJSON, stored even when the browser leaves", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const url = `/api/domains/${BROKEN}/checks`;
  const start = () => page.request.post(url, { data: {}, headers: SAME_ORIGIN });
  const [a, b] = await Promise.all([start(), start()]);
  const statuses = [a.status(), b.status()].sort();
  expect(statuses).toEqual([200, 409]);
  const [streamed, refused] = a.status() === 200 ? [a, b] : [b, a];
  expect(await refused.json()).toEqual({ error: ALREADY_RUNNING });
  expect(streamed.headers()["content-type"]).toBe("application/x-ndjson; charset=utf-8");
  const events = (await streamed.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; progress?: { finished: number; total: number } });
  expect(events[0]?.type).toBe("run");
  expect(events.at(-1)?.type).toBe("stored");
  expect(events.at(-2)?.type).toBe("done");
  const finished = events.filter((e) => e.type === "probe-finished");
  const started = events.filter((e) => e.type === "probe-started");
  expect(finished.length).toBe(started.length);
  expect(finished.at(-1)?.progress).toEqual({ finished: started.length, total: started.length });
  expect(events.filter((e) => e.type === "result").length).toBe(34);

  // The browser reads the first event and goes away; the run finishes and is stored.
  const before = (await (await page.request.get(url)).json()).runs.length as number;
  const runId = await page.evaluate(async (u) => {
    const ctrl = new AbortController();
    const res = await fetch(u, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: ctrl.signal,
    });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    ctrl.abort();
    return (JSON.parse(first.split("\n")[0]!) as { id: string }).id;
  }, url);
  await expect
    .poll(
      async () => {
        const runs = (await (await page.request.get(url)).json()).runs as {
          id: string;
          status: string;
        }[];
        return [runs.length, runs.find((r) => r.id === runId)?.status];
      },
      { timeout: 20_000 },
    )
    .toEqual([before + 1, "done"]);
  const stored = await (await page.request.get(`${url}/${runId}`)).json();
  expect(stored.report.summary).toEqual({ error: 1, warning: 1, info: 2, ok: 30, untested: 0 });
  expect(stored.changes).toEqual([]);
});

test("an admin sets DKIM selectors; the next run looks them up", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`/domains/${GOOD}/check`);
  await page.getByLabel("DKIM selectors").fill("s1, sel2");
  await page.getByRole("button", { name: "Save selectors" }).click();
  await expect(page.getByText("Saved: s1, sel2.")).toBeVisible();
  await page.getByLabel("DKIM selectors").fill("bad/one");
  await page.getByRole("button", { name: "Save selectors" }).click();
  await expect(page.getByText('"bad/one" is not a DKIM selector', { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("DKIM selectors")).toHaveValue("s1, sel2");

  await runCheckAndWait(page);
  const dkim = (selector: string) =>
    page
      .getByRole("region", { name: "SPF, DMARC and DKIM" })
      .locator(`[data-testid="check-result"][data-id="CHK-AUTH-3"][data-target="${selector}"]`);
  await expect(dkim("s1")).toHaveAttribute("data-severity", "ok");
  await expect(dkim("s1")).toContainText("DKIM key for s1 present");
  await expect(dkim("sel2")).toHaveAttribute("data-severity", "error");
  await expect(dkim("sel2")).toContainText("No DKIM key for selector sel2");
  await expect(dkim("sel2")).toContainText(
    `Publish the public key your mail server signs with at sel2._domainkey.${GOOD}`,
  );
  await expect(page.getByTestId("check-summary")).toHaveText(
    "1 error, 0 warnings, 0 could not be tested, 1 info, 29 ok",
  );
  const changes = page.getByTestId("check-change");
  await expect(changes).toHaveCount(2);
  await expect(changes.first()).toHaveAttribute("data-kind", "new");
  await expect(changes.first()).toContainText("No DKIM key for selector sel2");
  await expect(page.getByText(/^2 changes since the previous run \(.+ UTC\)\.$/)).toBeVisible();
});

test("a viewer reads results and history but cannot run a check", async ({ browser, page }) => {
  await signIn(page, ADMIN);
  await ensureUser(page.request, CHECKER_VIEWER, "viewer");

  const viewer = await (
    await browser.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage();
  await signIn(viewer, CHECKER_VIEWER);
  await viewer.goto(`/domains/${BROKEN}/check`);
  await expect(viewer.getByTestId("check-summary")).toHaveText(
    "1 error, 1 warning, 0 could not be tested, 2 info, 30 ok",
  );
  await expect(result(viewer, `MX host ${MX1}`, "CHK-MX-5")).toHaveAttribute(
    "data-severity",
    "error",
  );
  await expect(viewer.getByText("Only admins can run a check.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Run check" })).toHaveCount(0);
  await expect(viewer.getByLabel("DKIM selectors")).toHaveCount(0);
  expect(
    await viewer.getByRole("list", { name: "Previous runs" }).getByTestId("check-run").count(),
  ).toBeGreaterThanOrEqual(4);
  // Readable at 390 px: nothing wider than the screen.
  expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    390,
  );

  const post = await viewer.request.post(`/api/domains/${BROKEN}/checks`);
  expect(post.status()).toBe(403);
  expect(await post.json()).toEqual({ error: "Only admins can do this." });
  expect((await viewer.request.get(`/api/domains/${BROKEN}/checks`)).status()).toBe(200);
});
