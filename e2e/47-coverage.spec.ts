import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";
import { seedWith } from "./seed-db";

// Issue 15 in the browser: the Enforce page's reporter coverage matrix (reporters × days,
// the MX hosts named in failures, a quiet usual reporter flagged), the last complete day
// and the days still waiting, and READY-5 refusing to read a quiet reporter's silence as a
// clean week. Self-seeding through the real ingestion path and lib/db, as 45 does.

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Google daily, a small sender for 14 days, Microsoft from day -20 to -10 then quiet. */
const seed = (name: string) => `
import { getDb } from "@/lib/db/client";
import { addDomain } from "@/lib/db/domains/domains";
import { createPolicyVersion } from "@/lib/db/policies/policies";
import { backdatePolicyVersion } from "@/lib/db/stats/backdate-policy-version";
import { listUsers } from "@/lib/db/users/users";
import { ingestGenerated } from "@/lib/demo/load-demo";
const name = "${name}";
const mx = ["mx1." + name, "backup." + name];
const day = (o) => new Date(Date.now() + o * 86400000).toISOString().slice(0, 10);
const lines = ["version: STSv1", "mode: testing", ...mx.map((m) => "mx: " + m), "max_age: 86400"];
(async () => {
  const db = await getDb();
  const admin = (await listUsers(db)).find((u) => u.role === "admin");
  const actor = { userId: admin.id, email: admin.email };
  const d = await addDomain(db, { name, displayName: name }, actor);
  const saved = new Date(Date.now() - 40 * 86400000);
  const p = await createPolicyVersion(db, d.value.id, { mode: "testing", maxAge: 86400, mx }, "create", actor, () => saved);
  await backdatePolicyVersion(db, p.value.seq, saved);
  const reports = [];
  const sts = (successful, failures = [], policyStrings) =>
    [{ policyType: "sts", policyDomain: name, successful, failures, ...(policyStrings ? { policyStrings } : {}) }];
  for (let i = 1; i <= 20; i++) {
    const failures = i === 3 ? [{ resultType: "certificate-expired", count: 2, receivingMxHostname: "backup." + name }] : [];
    reports.push({ organization: "Google LLC", contactInfo: "smtp-tls-reporting@google.com",
      reportId: "g-" + name + "-" + i, day: day(-i), policies: sts(500, failures) });
    if (i <= 14) reports.push({ organization: "Small Sender", contactInfo: "postmaster@small47.example",
      reportId: "s-" + name + "-" + i, day: day(-i), policies: sts(20, [], lines) });
    if (i >= 10) reports.push({ organization: "Microsoft Corporation", contactInfo: "tlsrpt-noreply@microsoft.com",
      reportId: "m-" + name + "-" + i, day: day(-i), policies: sts(300) });
  }
  const t = await ingestGenerated(db, reports);
  console.log("stored " + t.stored);
  await db.$disconnect();
})();
`;

test("issue 15: reporter coverage, a quiet usual reporter and the last complete day", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const out = seedWith(seed("coverage.example"));
  expect(out).toContain("stored 45");
  await page.goto("/domains/coverage.example/enforce");

  // Microsoft (usual) is missing for the last three days: they wait out the grace period.
  await expect(page.getByTestId("last-complete-day")).toHaveText(day(-4));
  const waiting = page.getByRole("list", { name: "Days not judged yet" });
  for (const o of [-3, -2, -1])
    await expect(waiting).toContainText(`${day(o)}: waiting for Microsoft Corporation`);

  const matrix = page.getByRole("table", { name: "Reporter coverage" });
  await expect(matrix.getByTestId("coverage-row")).toHaveCount(3);
  const ms = matrix.locator('[data-testid="coverage-row"][data-reporter="microsoft.com"]');
  await expect(ms).toHaveAttribute("data-quiet", "yes");
  await expect(ms).toContainText(`quiet: nothing since ${day(-10)}`);
  await expect(ms.locator(`td[data-day="${day(-10)}"]`)).toHaveText("300");
  await expect(ms.locator(`td[data-day="${day(-9)}"]`)).toHaveText("—");
  const google = matrix.locator('[data-testid="coverage-row"][data-reporter="google.com"]');
  await expect(google).toHaveAttribute("data-quiet", "no");
  await expect(google.locator(`td[data-day="${day(-3)}"]`)).toHaveText(
    "502 (2 failed)backup.coverage.example",
  );
  await expect(google.locator(`td[data-day="${day(-4)}"]`)).toHaveText("500");

  const criteria = page.getByRole("list", { name: "Readiness criteria" });
  await expect(criteria.getByRole("listitem", { name: "READY-5 unknown" })).toContainText(
    `Microsoft Corporation (last report ${day(-10)}) usually reports but sent nothing from ${day(-7)} to ${day(-1)}: silence is not a clean week.`,
  );
  await expect(page.getByText(`the last week is ${day(-10)} to ${day(-4)}.`)).toBeVisible();
});
