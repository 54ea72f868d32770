import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./helpers";
import { seedWith } from "./seed-db";

// Issue #12 item 6 (RPT-DELIV-7) in the browser: mail reports without an aligned DKIM pass
// wait in the quarantine list, outside the verdict; accepting the reporter moves them into
// READY-4's evidence; each received report shows its DKIM result. Self-seeding: the reports
// go through the real ingestion path with the DKIM verdict the poller would have found
// (the IMAP + lab-DNS verification itself is lib/mailbox/poll-dkim.test.ts).

const NAME = "q46.example";
const GOOGLE = "q46-google.example";

const seed = `
import { getDb } from "@/lib/db/client";
import { addDomain } from "@/lib/db/domains/domains";
import { createPolicyVersion } from "@/lib/db/policies/policies";
import { backdatePolicyVersion } from "@/lib/db/stats/backdate-policy-version";
import { listUsers } from "@/lib/db/users/users";
import { reportJson } from "@/lib/demo/report-json";
import { ingestBytes } from "@/lib/ingest/ingest";
const name = "${NAME}";
const mx = ["mx1." + name];
const day = (o) => new Date(Date.now() + o * 86400000).toISOString().slice(0, 10);
const lines = ["version: STSv1", "mode: testing", "mx: mx1." + name, "max_age: 86400"];
const bytes = (org, contact, id, i) => new TextEncoder().encode(reportJson({ organization: org, contactInfo: contact,
  reportId: id, day: day(-i), policies: [{ policyType: "sts", policyDomain: name, policyStrings: lines, successful: 500, failures: [] }] }));
(async () => {
  const db = await getDb();
  const admin = (await listUsers(db)).find((u) => u.role === "admin");
  const actor = { userId: admin.id, email: admin.email };
  const d = await addDomain(db, { name, displayName: name }, actor);
  const saved = new Date(Date.now() - 20 * 86400000);
  const p = await createPolicyVersion(db, d.value.id, { mode: "testing", maxAge: 86400, mx }, "create", actor, () => saved);
  await backdatePolicyVersion(db, p.value.seq, saved);
  let stored = 0;
  const put = async (b, meta) => { stored += (await ingestBytes(db, b, meta)).stored; };
  for (let i = 1; i <= 14; i++) {
    // Unsigned mail claiming to be Google: quarantined.
    await put(bytes("Google LLC", "smtp-tls-reporting@${GOOGLE}", "g46-" + i, i),
      { channel: "imap", source: "e2e", dkim: { passed: [], failed: [] } });
    // Mail with an aligned DKIM pass: counts at once.
    await put(bytes("Small Sender", "postmaster@small46.example", "s46-" + i, i),
      { channel: "imap", source: "e2e", dkim: { passed: ["small46.example"], failed: [] } });
  }
  await put(bytes("Third Sender", "tls@third46.example", "t46-1", 1),
    { channel: "https", source: "e2e", contentType: "application/tlsrpt+json" });
  console.log("stored " + stored);
  await db.$disconnect();
  process.exit(0);
})();
`;

test("RPT-DELIV-7: a quarantined reporter, accepted, moves its reports into the verdict", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const out = seedWith(seed);
  expect(out).toContain("stored 29");

  // Before: the unsigned "Google" reports are left out of READY-4, and the evidence says so.
  await page.goto(`/domains/${NAME}/enforce`);
  const criteria = page.getByRole("list", { name: "Readiness criteria" });
  const before = criteria.getByRole("listitem", { name: "READY-4 not met" });
  await expect(before).toContainText("no report from Google or Microsoft (");
  await expect(before).not.toContainText("need 2");
  await before.getByText("Evidence").click();
  await expect(before).toContainText(
    `Not counted: 14 mail reports in quarantine without an aligned DKIM pass, from ${GOOGLE} (14); an admin can accept the reporter.`,
  );
  await expect(before).toContainText(
    "Small Sender (small46.example): sts entries on 14 days; policy-string shows the current policy",
  );
  await expect(before).toContainText("14 of 14 reports DKIM-verified (small46.example).");

  // Each received report shows its DKIM result as text.
  await page.goto(`/domains/${NAME}/reports/received`);
  const table = page.getByRole("table", { name: "Received reports" });
  const row = (reporter: string) => table.getByRole("row").filter({ hasText: reporter }).first();
  await expect(row(GOOGLE).getByTestId("auth-badge")).toHaveText("unsigned");
  await expect(row(GOOGLE)).toContainText("quarantined");
  await expect(row("small46.example").getByTestId("auth-badge")).toHaveText(
    "DKIM pass small46.example",
  );
  await expect(row("third46.example").getByTestId("auth-badge")).toHaveText(
    "HTTPS, unauthenticated",
  );

  // The quarantine list names the reporter and why; accepting it empties the list.
  await page.getByRole("link", { name: "Quarantine", exact: true }).click();
  const list = page.getByRole("table", { name: "Quarantined reporters" });
  const google = list.getByRole("row").filter({ hasText: GOOGLE });
  await expect(google).toContainText("unsigned (no DKIM signature): 14 reports");
  await expect(list.getByRole("row")).toHaveCount(2); // header + one reporter
  await google.getByRole("button", { name: `Accept reporter ${GOOGLE}` }).click();
  await expect(page.getByText(`Accepted ${GOOGLE}: its 14 reports now count.`)).toBeVisible();
  await expect(page.getByText("No report about this domain is in quarantine.")).toBeVisible();

  // After: the same reports count, as an accepted large reporter, and the line says how.
  await page.goto(`/domains/${NAME}/enforce`);
  const after = criteria.getByRole("listitem", { name: "READY-4 met" });
  await expect(after).toContainText("3 reporters, 1 large");
  await after.getByText("Evidence").click();
  await expect(after).toContainText(
    `Google LLC (${GOOGLE}): sts entries on 14 days; policy-string shows the current policy`,
  );
  await expect(after).toContainText(
    "0 of 14 reports DKIM-verified; 14 mail without an aligned DKIM pass, reporter accepted.",
  );
  await expect(after).not.toContainText("Not counted:");

  // The badge stays what DKIM said; the report is no longer quarantined.
  await page.goto(`/domains/${NAME}/reports/received`);
  await expect(row(GOOGLE).getByTestId("auth-badge")).toHaveText("unsigned");
  await expect(row(GOOGLE)).not.toContainText("quarantined");
});
