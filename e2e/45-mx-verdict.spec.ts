import { expect, test } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { policyText } from "./servers/lab-zones";
import { startTestWorld, type TestWorld } from "./servers/world";
import { ADMIN, signIn } from "./helpers";
import { seedWith } from "./seed-db";

// Issue #12 in the browser: the Enforce page's per-MX table blocks enforce on a backup MX
// that fails every day (1 session in 1,020: under the 0.1% domain-wide rate), with the
// reason on the page; a checker run older than the policy version asks for a new one.
// Seeded through the real ingestion path and lib/db, as the other specs do.

const port = Number(process.env.E2E_PORT ?? 3100);
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A domain with a testing policy from 20 days ago, 14 days of reports, a clean check now. */
const seed = (name: string, backupFails: boolean, editAfterCheck: boolean, check = true) => `
import { getDb } from "@/lib/db/client";
import { addDomain } from "@/lib/db/domains/domains";
import { createPolicyVersion } from "@/lib/db/policies/policies";
import { backdatePolicyVersion } from "@/lib/db/stats/backdate-policy-version";
import { finishCheckRun, startCheckRun } from "@/lib/db/checks/checks";
import { listUsers } from "@/lib/db/users/users";
import { ingestGenerated } from "@/lib/demo/load-demo";
const name = "${name}";
const mx = ["mx1." + name, "backup." + name];
const day = (o) => new Date(Date.now() + o * 86400000).toISOString().slice(0, 10);
const ok = (id, target) => ({ id, severity: "ok", title: id + " passes", evidence: "", fix: "", ...(target ? { target } : {}) });
const results = [ok("CHK-TXT-2"), ok("CHK-HOST-2"), ok("CHK-POL-1"), ok("CHK-RPT-1"), ok("CHK-RPT-3"),
  ...mx.flatMap((m) => ["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"].map((id) => ok(id, m)))];
const lines = ["version: STSv1", "mode: testing", ...mx.map((m) => "mx: " + m), "max_age: 86400"];
(async () => {
  const db = await getDb();
  const admin = (await listUsers(db)).find((u) => u.role === "admin");
  const actor = { userId: admin.id, email: admin.email };
  const d = await addDomain(db, { name, displayName: name }, actor);
  const saved = new Date(Date.now() - 20 * 86400000);
  const p = await createPolicyVersion(db, d.value.id, { mode: "testing", maxAge: 86400, mx }, "create", actor, () => saved);
  await backdatePolicyVersion(db, p.value.seq, saved);
  const reports = [];
  for (let i = 1; i <= 14; i++) {
    const failures = ${backupFails} ? [{ resultType: "certificate-expired", count: 1, receivingMxHostname: "backup." + name }] : [];
    reports.push({ organization: "Google LLC", contactInfo: "smtp-tls-reporting@google.com", reportId: "g-" + name + "-" + i, day: day(-i),
      policies: [{ policyType: "sts", policyDomain: name, successful: 1019, failures }] });
    reports.push({ organization: "Small Sender", contactInfo: "postmaster@small45.example", reportId: "s-" + name + "-" + i, day: day(-i),
      policies: [{ policyType: "sts", policyDomain: name, policyStrings: lines, successful: 0, failures: [] }] });
  }
  const t = await ingestGenerated(db, reports);
  if (${check}) {
    const id = await startCheckRun(db, d.value.id, "e2e");
    const now = new Date().toISOString();
    await finishCheckRun(db, id, { domain: name, startedAt: now, finishedAt: now, durationMs: 1, mode: "testing",
      deadlineHit: false, results, summary: { error: 0, warning: 0, info: 0, ok: results.length, untested: 0 } });
  }
  if (${editAfterCheck}) {
    const later = new Date(Date.now() + 60000);
    await createPolicyVersion(db, d.value.id, { mode: "testing", maxAge: 172800, mx }, "edit", actor, () => later);
  }
  console.log("stored " + t.stored);
  await db.$disconnect();
})();
`;

test.describe.configure({ mode: "serial" });

test("READY-5 per MX: a backup MX failing every day blocks enforce, and the row says why", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  expect(seedWith(seed("mxv.example", true, false))).toContain("stored 28");
  await page.goto("/domains/mxv.example/enforce");
  const reason = `backup.mxv.example failed on 7 of the last 7 days (7 × certificate-expired) and on the last reported day ${day(-1)} (1 × certificate-expired): in enforce these sessions would bounce; fix this MX first`;

  const table = page.getByRole("table", { name: "Failures per MX host" });
  const backup = table.locator('[data-testid="mx-row"][data-host="backup.mxv.example"]');
  await expect(backup).toHaveAttribute("data-blocking", "yes");
  await expect(backup.getByText("blocks enforce")).toBeVisible();
  await expect(backup.getByTestId("mx-reason")).toHaveText(`${reason}.`);
  await expect(backup).toContainText(`${day(-1)}: 1 certificate-expired`);
  const mx1 = table.locator('[data-testid="mx-row"][data-host="mx1.mxv.example"]');
  await expect(mx1).toHaveAttribute("data-blocking", "no");
  await expect(mx1.getByTestId("mx-reason")).toHaveText("No failed sessions reported.");
  await expect(table.getByTestId("mx-row")).toHaveCount(2);

  const criteria = page.getByRole("list", { name: "Readiness criteria" });
  await expect(criteria.getByRole("listitem", { name: "READY-5 not met" })).toContainText(
    `${reason} (${day(-7)} to ${day(-1)}).`,
  );
  await expect(criteria.getByRole("listitem", { name: "READY-5 not met" })).toContainText(
    `7,140 sts sessions from ${day(-7)} to ${day(-1)}; 7 failed TLS (0.098%, limit 0.100%).`,
  );
  await expect(page.getByText("6 of 7 criteria met.", { exact: false })).toBeVisible();
  // Fresh evidence: no "run a check" offer.
  await expect(page.getByTestId("fresh-check")).toHaveCount(0);
});

test("READY-1/2: a check from before the current policy version asks for a new run", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  expect(seedWith(seed("stale-check.example", false, true))).toContain("stored 28");
  await page.goto("/domains/stale-check.example/enforce");
  await expect(page.getByTestId("fresh-check-reason")).toContainText(
    "ran before the current policy version",
  );
  await expect(page.getByRole("button", { name: "Run a check now" })).toBeVisible();
  const criteria = page.getByRole("list", { name: "Readiness criteria" });
  await expect(criteria.getByRole("listitem", { name: "READY-1 not met" })).toContainText(
    "run a new check.",
  );
  await expect(criteria.getByRole("listitem", { name: "READY-2 not met" })).toBeVisible();
});

test("READY-1/2: with no check yet, the Enforce page runs one in place and shows its progress", async ({
  page,
}) => {
  const name = "fresh.verdict.test";
  const mx = [`mx1.${name}`, `backup.${name}`];
  const world: TestWorld = await startTestWorld({
    domains: [
      {
        name,
        mx: mx.map((host) => ({ host })),
        policy: { behaviour: { body: policyText("testing", mx) } },
        stsTxt: ["v=STSv1; id=20250301T120000Z"],
        tlsRpt: [`v=TLSRPTv1; rua=mailto:tlsrpt@${name}`],
      },
    ],
  });
  try {
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
    await signIn(page, ADMIN);
    expect(seedWith(seed(name, false, false, false))).toContain("stored 28");
    await page.goto(`/domains/${name}/enforce`);
    await expect(page.getByTestId("fresh-check-reason")).toHaveText(
      "The checker has not run yet: run a check.",
    );
    const criteria = page.getByRole("list", { name: "Readiness criteria" });
    await expect(criteria.getByRole("listitem", { name: "READY-2 unknown" })).toBeVisible();
    await page.getByRole("button", { name: "Run a check now" }).click();
    const progress = page.getByTestId("check-progress");
    await expect(progress).toHaveAttribute("data-phase", "stored", { timeout: 30_000 });
    await expect(progress).toContainText(/Done: all \d+ probes finished/);
    // The verdict is read again: the fresh run counts, so the offer is gone and the MX
    // hosts tested over STARTTLS pass READY-2.
    await expect(page.getByTestId("fresh-check-reason")).toHaveCount(0);
    await expect(criteria.getByRole("listitem", { name: "READY-2 met" })).toContainText(
      "All 2 MX hosts pass.",
    );
  } finally {
    await world.stop();
  }
});
