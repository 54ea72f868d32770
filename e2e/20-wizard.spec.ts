import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startTestWorld, type TestWorld } from "./servers/world";
import { ADMIN, signIn } from "./helpers";

// Steps 1-4 for a bare domain against real servers on loopback. The world's HTTPS server
// for mta-sts.<domain> is a TLS-terminating reverse proxy in front of this app (the
// production topology), so "Verify" fetches what the app really serves; DNS records are
// changed mid-test the way an admin would publish them.

const D = "wizard-rollout.test";
const port = Number(process.env.E2E_PORT ?? 3100);
const shots = "test-results/screens";
let world: TestWorld;

test.beforeAll(async () => {
  world = await startTestWorld({
    domains: [
      {
        name: D,
        mx: [{ host: `mx1.${D}` }, { host: `mx2.${D}` }],
        policy: { behaviour: { proxyTo: `127.0.0.1:${port}` } },
        records: [
          { name: D, type: "TXT", strings: ["v=spf1 mx -all"] },
          { name: `_dmarc.${D}`, type: "TXT", strings: ["v=DMARC1; p=reject"] },
        ],
      },
    ],
  });
  // Bare: the policy host's server runs, but its name is published only in step 3.
  world.setRecords(`mta-sts.${D}`, "A", []);
  const dir = path.resolve(`data/e2e-${port}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "checker.json"),
    JSON.stringify({ dnsServers: [world.dnsServer], caPem: world.caPem, allowPrivate: true }),
  );
});

test.afterAll(async () => {
  await world?.stop();
});

const summary = (page: Page, n: number) => page.getByTestId(`step-${n}-summary`);
const body = (mx: string[], maxAge: number, mode = "testing") =>
  ["version: STSv1", `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`]
    .map((l) => `${l}\r\n`)
    .join("");

test("a bare domain goes to a published, verified testing policy in the browser", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await page.getByLabel("Add a mail domain").fill(D);
  await page.getByRole("button", { name: "Add domain" }).click();
  const list = page.getByRole("list", { name: "Domains" });
  await expect(list.getByLabel(`Rollout of ${D}`)).toHaveText("Step 1 · Check");

  // Step 1: the live check.
  await page.goto(`/domains/${D}/check`);
  await page.getByRole("button", { name: "Run check" }).click();
  await expect(page.getByTestId("check-progress")).toHaveAttribute("data-phase", "stored", {
    timeout: 30_000,
  });
  await page.goto(`/domains/${D}`);
  const steps = page.getByRole("listitem").filter({ hasText: "Check the current configuration" });
  await expect(steps).toContainText("The last check found no errors.");

  // Step 2: the form starts from the live MX records, testing mode, one day.
  await page.goto(`/domains/${D}/policy`);
  await expect(summary(page, 2)).toHaveText("No policy yet.");
  await expect(page.getByRole("list", { name: "Live MX hosts" })).toHaveText(`mx1.${D}mx2.${D}`);
  await expect(page.getByLabel("testing")).toBeChecked();
  await expect(page.getByLabel("max_age (seconds)")).toHaveValue("86400");
  await expect(page.getByLabel("MX patterns (one per line)")).toHaveValue(`mx1.${D}\nmx2.${D}`);
  await expect(page.getByLabel("Policy preview")).toHaveText(
    body([`mx1.${D}`, `mx2.${D}`], 86400).replace(/\r\n/g, "\n"),
  );
  // Validation as you type.
  const problems = page.getByRole("list", { name: "Policy problems" });
  await page.getByLabel("max_age (seconds)").fill("abc");
  await expect(problems).toContainText("max_age must be a whole number of seconds.");
  await expect(page.getByRole("button", { name: "Save as a new version" })).toBeDisabled();
  await page.getByLabel("max_age (seconds)").fill("86400");
  await page.getByLabel("MX patterns (one per line)").fill(`mx1.${D}`);
  await expect(problems).toContainText(`The live MX host mx2.${D} matches no mx pattern`);
  await page.getByLabel("MX patterns (one per line)").fill(`mx1.${D}\nmx2.${D}`);
  await expect(problems).not.toContainText("matches no mx pattern");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  const saved = page.getByText(/^Saved version (\w+)\./);
  await expect(saved).toBeVisible();
  const id1 = /Saved version (\w+)\./.exec((await saved.textContent()) ?? "")?.[1] ?? "";
  expect(id1).toMatch(/^\d{8}T\d{6}Z$/);
  await page.reload();
  await expect(summary(page, 2)).toHaveText(`Policy ${id1} (testing).`);
  await page.screenshot({ path: `${shots}/step2.png`, fullPage: true });

  // The hosted endpoint, chosen by Host: exact bytes and headers, 404 for anyone else.
  const hosted = await request.get("/.well-known/mta-sts.txt", {
    headers: { Host: `mta-sts.${D}` },
    maxRedirects: 0,
  });
  expect(hosted.status()).toBe(200);
  expect((await hosted.body()).toString("utf8")).toBe(body([`mx1.${D}`, `mx2.${D}`], 86400));
  expect(hosted.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(hosted.headers()["cache-control"]).toBe("public, max-age=60");
  expect(hosted.headers().location).toBeUndefined();
  const unknown = await request.get("/.well-known/mta-sts.txt", {
    headers: { Host: "mta-sts.unknown.test" },
    maxRedirects: 0,
  });
  expect(unknown.status()).toBe(404);
  expect((await request.get(`/api/tls-ask?domain=mta-sts.${D}`)).status()).toBe(200);
  expect((await request.get("/api/tls-ask?domain=mta-sts.unknown.test")).status()).toBe(404);

  // Step 3: before the name points anywhere, Verify says so; then the admin points
  // mta-sts.<domain> at the TLS proxy in front of this app, and it verifies byte for byte.
  await page.goto(`/domains/${D}/publish`);
  await expect(summary(page, 3)).toHaveText("Not verified yet: serve the policy, then verify.");
  await expect(page.getByLabel("Hosted by STS Rollout")).toBeChecked();
  await page.getByRole("button", { name: "Verify publication" }).click();
  await expect(summary(page, 3)).toHaveText(
    `mta-sts.${D} does not resolve: it does not exist. Point it (CNAME or A/AAAA) at the server that serves the policy.`,
  );
  const policyIp = world.ipOf(`mta-sts.${D}`) ?? "";
  world.setRecords(`mta-sts.${D}`, "A", [{ name: `mta-sts.${D}`, type: "A", address: policyIp }]);
  await page.getByRole("button", { name: "Verify publication" }).click();
  const published = page.getByRole("region", { name: "Publication result" });
  await expect(published).toContainText(
    `Served byte for byte: version ${id1} at https://mta-sts.${D}/.well-known/mta-sts.txt.`,
  );
  await expect(published).toContainText("text/plain; charset=utf-8");
  await expect(summary(page, 3)).toHaveText(`Served byte for byte as version ${id1}.`);
  await page.screenshot({ path: `${shots}/step3.png`, fullPage: true });

  // Step 4: missing, then a wrong id the UI flags, then the right one turns it green.
  await page.goto(`/domains/${D}/dns`);
  await expect(page.getByLabel(`Record _mta-sts.${D}`)).toContainText(`"v=STSv1; id=${id1}"`);
  await expect(page.getByLabel("BIND zone file", { exact: true })).toContainText(
    `_mta-sts.${D}.  300  IN TXT "v=STSv1; id=${id1}"`,
  );
  await page.getByRole("button", { name: "Verify DNS records" }).click();
  await expect(summary(page, 4)).toHaveText("The _mta-sts record is missing.");

  world.setTxt(`_mta-sts.${D}`, ["v=STSv1; id=20200101T000000Z"]);
  world.setTxt(`_smtp._tls.${D}`, [`v=TLSRPTv1; rua=mailto:tlsrpt@${D}`], 3600);
  await page.getByRole("button", { name: "Verify DNS records" }).click();
  await expect(summary(page, 4)).toHaveText(
    `DNS carries id 20200101T000000Z, which belongs to no version this app created: change it to ${id1}.`,
  );
  await expect(
    page.getByText(/DNS carries id 20200101T000000Z, which does not belong to the served version/),
  ).toBeVisible();
  const stsResult = page.getByLabel(`_mta-sts.${D} result`, { exact: true });
  await expect(stsResult).toContainText("mismatch");
  await expect(stsResult).toContainText("TTL 300 s");

  world.setTxt(`_mta-sts.${D}`, [`v=STSv1; id=${id1}`]);
  await page.getByRole("button", { name: "Verify DNS records" }).click();
  await expect(summary(page, 4)).toHaveText("Both records match.");
  await expect(stsResult).toContainText("match");
  await expect(page.getByLabel(`_smtp._tls.${D} result`)).toContainText("TTL 3600 s");
  await page.screenshot({ path: `${shots}/step4.png`, fullPage: true });

  // Where it stands, from stored results: the Overview and the domain list.
  await page.goto(`/domains/${D}`);
  for (const step of ["Create a policy", "Publish the policy", "Add the DNS records"]) {
    await expect(
      page.getByRole("listitem").filter({ hasText: step }).getByText("Done"),
    ).toBeVisible();
  }
  await page.goto("/domains");
  await expect(list.getByLabel(`Rollout of ${D}`)).toHaveText("Live in testing mode");
  // The checker agrees: run step 1 again on the published domain.
  await page.goto(`/domains/${D}/check`);
  await page.getByRole("button", { name: "Run check" }).click();
  await expect(page.getByTestId("check-progress")).toHaveAttribute("data-phase", "stored", {
    timeout: 30_000,
  });
  await page.goto(`/domains/${D}`);
  await expect(steps).toContainText("The last check found no errors.");

  // A change makes a new version and id; the served body changes at once, and the UI says
  // the DNS id still names the older version (safe order: body first, then the id).
  await page.goto(`/domains/${D}/policy`);
  await page.getByLabel("max_age (seconds)").fill("172800");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByText(/^Saved version (\w+)\./)).toBeVisible();
  await page.reload();
  const diff = page.getByLabel("Differences between versions");
  await expect(diff).toContainText("- max_age: 86400");
  await expect(diff).toContainText("+ max_age: 172800");
  await page.goto(`/domains/${D}/publish`);
  await page.getByRole("button", { name: "Verify publication" }).click();
  await expect(summary(page, 3)).toHaveText(/^Served byte for byte as version \w+\.$/);
  await expect(
    page.getByText(/The new body is served: now change the _mta-sts record/),
  ).toBeVisible();
  await page.goto(`/domains/${D}/dns`);
  await expect(summary(page, 4)).toHaveText(
    new RegExp(`^DNS carries id ${id1}, which belongs to an older version: change it to \\w+\\.$`),
  );
});
