import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ADMIN, signIn, signInGerman } from "./helpers";

// Issue 14: a domain's timeline shows its checks, what the watch found, the alerts and the
// mode changes, newest first. Seeded through lib/db against the e2e database (the rows a
// scheduled check, the watch and the alerts module write), as 45-mx-verdict does.

const port = Number(process.env.E2E_PORT ?? 3100);
const env = { ...process.env, DATABASE_URL: `file:./data/e2e-${port}/e2e.db` };
const name = `timeline-${Date.now().toString(36)}.example.net`;

const seed = `
import { getDb } from "@/lib/db/client";
import { addDomain } from "@/lib/db/domains/domains";
import { listUsers } from "@/lib/db/users/users";
const name = "${name}";
const ago = (min) => new Date(Date.now() - min * 60000);
(async () => {
  const db = await getDb();
  const admin = (await listUsers(db)).find((u) => u.role === "admin");
  const d = await addDomain(db, { name, displayName: name }, { userId: admin.id, email: admin.email });
  const domainId = d.value.id;
  const run = (id, min, summary) => db.checkRun.create({ data: { id, domainId, actor: "scheduler", status: "done",
    startedAt: ago(min), finishedAt: ago(min), summary: JSON.stringify(summary) } });
  await run(name + "-1", 180, { error: 0, warning: 0, info: 1, ok: 30, untested: 0 });
  await db.auditEvent.create({ data: { actor: admin.email, action: "policy.enforce", domainId, at: ago(120),
    details: JSON.stringify({ policyId: "20261130T100000", mode: "enforce", maxAge: 604800 }) } });
  await run(name + "-2", 60, { error: 1, warning: 0, info: 1, ok: 29, untested: 0 });
  // The texts and their refs in the "checks" namespace, as lib/watch/finding-text.ts stores them.
  const host = "mx.moved." + name;
  const title = { key: "ops.uncovered", params: { host } };
  const detail = { key: "ops.uncoveredDetail", params: { domain: name, hosts: host, mode: "enforce",
    id: "20261130T100000", noMx: "no", mx: "mx1." + name, isNew: "no", host, since: "" } };
  const fix = { key: "ops.uncoveredFix", params: { host } };
  await db.watchFinding.create({ data: { domainId, kind: "CHK-OPS-3", subject: host, severity: "error",
    title: "MX host " + host + " is not covered by the policy",
    detail: "MX hosts of " + name + ": " + host + "; the enforce policy (id 20261130T100000) lists mx: mx1." + name + ".",
    fix: "Add it to the policy.", openedAt: ago(59), lastSeenAt: ago(59), checkRunId: name + "-2", openKey: domainId + "|CHK-OPS-3|x",
    i18n: JSON.stringify({ namespace: "checks", title, detail, fix }) } });
  await db.auditEvent.create({ data: { actor: "alerts", action: "alert.raised", domainId, at: ago(58),
    details: JSON.stringify({ kind: "CHK-OPS-3", subject: host, title: "MX host " + host + " is not covered by the policy",
      i18n: { namespace: "checks", title } }) } });
  await db.$disconnect();
})();
`;

test("the timeline lists checks, findings, alerts and mode changes, newest first", async ({
  page,
  browser,
}) => {
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "--eval", seed], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  await signIn(page, ADMIN);
  await page.goto(`/domains/${name}`);
  await page
    .getByRole("navigation", { name: "Domain sections" })
    .getByRole("link", { name: "Timeline" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/domains/${name.replaceAll(".", "\\.")}/timeline$`));
  const entries = page.getByTestId("timeline-entry");
  await expect(entries).toHaveCount(5);
  const moved = `MX host mx.moved.${name} is not covered by the policy`;
  const expected: [string, RegExp][] = [
    ["alert", new RegExp(`Alert.*CHK-OPS-3.*Alert: ${moved.replaceAll(".", "\\.")}`)],
    ["finding-opened", new RegExp(`Found.*CHK-OPS-3.*${moved.replaceAll(".", "\\.")}`)],
    ["check", /Check.*Check: 1 error, 0 warnings/],
    ["mode", /Mode.*Switched to enforce.*policy id 20261130T100000, mode enforce, max_age 604800/],
    ["check", /Check.*Check: 0 errors, 0 warnings/],
  ];
  for (const [i, [kind, text]] of expected.entries()) {
    await expect(entries.nth(i)).toHaveAttribute("data-kind", kind);
    await expect(entries.nth(i)).toHaveText(text);
  }
  // The same entries from the API, which pages them.
  const res = await page.request.get(`/api/domains/${name}/timeline?limit=2`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { entries: { kind: string }[]; next: string | null };
  expect(body.entries.map((e) => e.kind)).toEqual(["alert", "finding-opened"]);
  expect(body.next).not.toBeNull();
  const bad = await page.request.get(`/api/domains/${name}/timeline?before=yesterday`);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: "before is not a timeline cursor" });

  // In German (issue 16 §6), a drift finding and its alert are told from their "checks" refs.
  const de = await browser.newContext({ locale: "de-DE" });
  const german = await de.newPage();
  await signInGerman(german, ADMIN);
  await german.goto(`/domains/${name}/timeline`);
  const deEntries = german.getByTestId("timeline-entry");
  await expect(deEntries).toHaveCount(5);
  const deMoved = `Der MX-Host mx.moved.${name} ist nicht von der Richtlinie abgedeckt`;
  await expect(deEntries.nth(0)).toContainText(`Alarm: ${deMoved}`);
  await expect(deEntries.nth(1)).toContainText(deMoved);
  await expect(deEntries.nth(1)).toContainText(
    `MX-Hosts von ${name}: mx.moved.${name}; die Richtlinie mit mode: enforce (id 20261130T100000) nennt mx: mx1.${name}.`,
  );
  await de.close();
});
