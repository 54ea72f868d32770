import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { policyText } from "./servers/lab-zones";
import { startTestWorld, type TestWorld } from "./servers/world";
import { ADMIN, SAME_ORIGIN, germanDay, germanTime, signInGerman } from "./helpers";

// Issue 16 §6: the check results in German. A German browser runs step 1 against a lab
// domain (an MX with an expired certificate, no TLS-RPT record) and reads the results' titles,
// fixes and evidence in German, with the raw data (host names, records) left as they are.

const DOMAIN = "broken.check56.test";
const MX = `mx1.${DOMAIN}`;
const port = Number(process.env.E2E_PORT ?? 3100);

let world: TestWorld;

test.beforeAll(async () => {
  world = await startTestWorld({
    domains: [
      {
        name: DOMAIN,
        mx: [{ host: MX, cert: "expired" }],
        policy: { behaviour: { body: policyText("enforce", [MX]) } },
        stsTxt: ["v=STSv1; id=20250301T120000Z"],
        records: [
          { name: DOMAIN, type: "TXT", strings: ["v=spf1 mx -all"] },
          { name: `_dmarc.${DOMAIN}`, type: "TXT", strings: ["v=DMARC1; p=reject"] },
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

test.use({ locale: "de-DE" });

test("CHK-MX-5, CHK-RPT-1: a German admin reads the check results in German", async ({ page }) => {
  await signInGerman(page, ADMIN);
  const added = await page.request.post("/api/domains", {
    data: { name: DOMAIN },
    headers: SAME_ORIGIN,
  });
  expect([201, 409]).toContain(added.status());

  await page.goto(`/domains/${DOMAIN}/check`);
  await page.getByRole("button", { name: "Prüfung starten" }).click();
  const progress = page.getByTestId("check-progress");
  await expect(progress).toHaveAttribute("data-phase", "stored", { timeout: 20_000 });

  const result = (group: string, id: string) =>
    page.getByRole("region", { name: group }).getByTestId("check-result").filter({ hasText: id });
  const expired = result(`MX-Host ${MX}`, "CHK-MX-5");
  await expect(expired).toHaveAttribute("data-severity", "error");
  await expect(expired.locator("p").nth(0)).toHaveText(
    "Zertifikat für MTA-STS nicht gültig: das Zertifikat ist abgelaufen",
  );
  await expect(expired.locator("p").last()).toHaveText(
    `Installieren Sie auf ${MX} ein öffentlich vertrauenswürdiges, nicht abgelaufenes Zertifikat, dessen subjectAltName ${MX} (oder einen Platzhalter *.parent) enthält, mit der vollständigen Kette. Probleme: das Zertifikat ist abgelaufen.`,
  );
  // The test CA issued it valid until ten days ago: its end in German, to the second, in UTC.
  const tenDaysAgo = germanDay(new Date(Date.now() - 10 * 86_400_000)).replaceAll(".", "\\.");
  await expect(expired.locator("pre")).toContainText(
    new RegExp(
      `Subject CN=${MX}; SAN ${MX}; Aussteller CN=STS Rollout Test CA; läuft ab ${tenDaysAgo} \\d\\d:\\d\\d:\\d\\d UTC \\(-1[01] Tage\\)`,
    ),
  );

  // The run's time, German and in UTC, in the run line and the history.
  const history = (await (await page.request.get(`/api/domains/${DOMAIN}/checks`)).json()) as {
    runs: { startedAt: string; actor: string }[];
  };
  const run = history.runs[0];
  expect(run).toBeDefined();
  const started = germanTime(run?.startedAt ?? "");
  await expect(
    page.getByText(`Prüfung ${started} von ${run?.actor} · Modus der Richtlinie`),
  ).toBeVisible();
  await expect(page.getByTestId("check-run").first().locator("span").first()).toHaveText(
    `${started} · ${run?.actor}`,
  );

  const rpt = result("TLS-RPT-Eintrag _smtp._tls", "CHK-RPT-1");
  await expect(rpt).toHaveAttribute("data-severity", "warning");
  await expect(rpt).toContainText("Kein TLS-RPT-Eintrag: Fehler bleiben unsichtbar");
  await expect(rpt).toContainText(
    `Veröffentlichen Sie einen TXT-Eintrag unter _smtp._tls.${DOMAIN}: "v=TLSRPTv1; rua=mailto:tlsrpt@${DOMAIN}".`,
  );
  await expect(rpt.locator("pre")).toHaveText(
    `_smtp._tls.${DOMAIN}: Der Name existiert nicht (NXDOMAIN).`,
  );
  // An ok result that was English before: the whole page is German, none of these remain.
  await expect(page.getByText("Certificate is trusted and names the host")).toHaveCount(0);
  await expect(page.getByText("MTA-STS record found")).toHaveCount(0);
});
