import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, germanDay, signInGerman } from "./helpers";

// Issue 16 §6: the reports pages in German. A German browser (Accept-Language de-DE) signs
// in, posts one TLS report (RFC 8460) for yesterday and reads the dashboard and the
// received list: German headings, counts grouped the German way (15.413), dates as
// dd.MM.yyyy, result-type keywords left alone, and the reporter's markup shown as text
// (RPT-ING-2).

const DOMAIN = "german-reports.example.net";
const MX = "mx1.german-reports.example.net";
const ORG = "Berichte <b>GmbH</b>";
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const germanYesterday = germanDay(yesterday);

const report = {
  "organization-name": ORG,
  "date-range": {
    "start-datetime": `${yesterday}T00:00:00Z`,
    "end-datetime": `${yesterday}T23:59:59Z`,
  },
  "contact-info": "tlsrpt@reporter.example.org",
  "report-id": `german-reports-${yesterday}`,
  policies: [
    {
      policy: {
        "policy-type": "sts",
        "policy-string": ["version: STSv1", "mode: testing", `mx: ${MX}`, "max_age: 86400"],
        "policy-domain": DOMAIN,
        "mx-host": [MX],
      },
      summary: { "total-successful-session-count": 15413, "total-failure-session-count": 1200 },
      "failure-details": [
        {
          "result-type": "certificate-expired",
          "sending-mta-ip": "192.0.2.10",
          "receiving-mx-hostname": MX,
          "failed-session-count": 1200,
        },
      ],
    },
  ],
};

test.use({ locale: "de-DE" });

test("the TLS reports dashboard and the received list read German (RPT-ING-2)", async ({
  page,
}) => {
  await signInGerman(page, ADMIN);
  const added = await page.request.post("/api/domains", {
    data: { name: DOMAIN },
    headers: SAME_ORIGIN,
  });
  expect([201, 409]).toContain(added.status());
  const posted = await page.request.post("/api/reports/tlsrpt", {
    data: JSON.stringify(report),
    headers: { "content-type": "application/tlsrpt+json" },
  });
  expect([200, 201]).toContain(posted.status());

  await page.goto(`/domains/${DOMAIN}/reports`);
  await expect(page).toHaveTitle(`TLS-Berichte · ${DOMAIN} · STS Rollout`);
  await expect(page.getByRole("heading", { name: "TLS-Berichte", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Fehler je MX-Host" })).toBeVisible();
  await expect(page.getByLabel("Erfolgreiche Sitzungen", { exact: true })).toHaveText("15.413");
  await expect(page.getByLabel("Fehlerquote", { exact: true })).toHaveText("7,22\u00a0%");
  await expect(page.locator("figcaption").first()).toContainText(
    "15.413 erfolgreiche Sitzungen und 1.200 fehlgeschlagen (7,22\u00a0% fehlgeschlagen); " +
      `die meisten Fehler am ${germanYesterday} (1.200).`,
  );
  await expect(page.getByText("Das Zertifikat des MX ist abgelaufen.")).toBeVisible();

  await page.goto(`/domains/${DOMAIN}/reports/received`);
  await expect(page).toHaveTitle(`Empfangene Berichte · ${DOMAIN} · STS Rollout`);
  await expect(page.getByRole("heading", { name: "Empfangene Berichte" })).toBeVisible();
  const table = page.getByRole("table", { name: "Empfangene Berichte" });
  await expect(table.getByRole("columnheader", { name: "Zeitraum (UTC)" })).toBeVisible();
  const row = table.getByRole("row").filter({ hasText: ORG });
  await expect(row.getByRole("cell")).toHaveText([
    /^Berichte <b>GmbH<\/b>/,
    germanYesterday,
    "15.413",
    "1.200",
    "HTTPS",
    "HTTPS, nicht authentifiziert",
    "0",
    "Details",
  ]);
});
