import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, ensureUser, germanDay, signIn, signInGerman } from "./helpers";

// Issue 16 §6: the whole walk in German. The browser asks for German (Accept-Language
// de-DE): sign-in follows it; an admin walks the wizard (check, policy, publish, DNS) and
// the Enforce page and reads German headings, step states and readiness verdicts, counts
// grouped the German way (15.413) and protocol values left alone (max_age 86400). A user
// whose own setting is German sees German in an English browser, and back.

const DOMAIN = "german-spec.example.net";
const MX = "mx1.german-spec.example.net";
const SETTING_USER = {
  name: "Sprach Nutzer",
  email: "german-setting@example.test",
  password: "german setting pass 1",
};

const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** One TLS report for yesterday: 15413 successful sessions and 1200 failed ones at MX. */
const report = {
  "organization-name": "Deutsch Spec Reporter",
  "date-range": {
    "start-datetime": `${yesterday}T00:00:00Z`,
    "end-datetime": `${yesterday}T23:59:59Z`,
  },
  "contact-info": "tlsrpt@reporter.example.org",
  "report-id": `german-spec-${yesterday}`,
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

test.describe.configure({ mode: "serial" });

test.describe("German from the browser's language", () => {
  test.use({ locale: "de-DE" });

  test("sign-in is German and says so in its lang; a wrong password is explained in German", async ({
    page,
  }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
    await page.getByLabel("E-Mail-Adresse").fill("niemand-german@example.test");
    await page.getByLabel("Passwort").fill("not the password 1");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByText("E-Mail-Adresse oder Passwort ist falsch.")).toBeVisible();
  });

  test("an admin walks the wizard and the Enforce page in German", async ({ page }) => {
    await signInGerman(page, ADMIN);
    await expect(page.getByRole("navigation", { name: "Hauptmenü" })).toBeVisible();
    const added = await page.request.post("/api/domains", {
      data: { name: DOMAIN },
      headers: SAME_ORIGIN,
    });
    expect([201, 409]).toContain(added.status());
    const saved = await page.request.post(`/api/domains/${DOMAIN}/policy`, {
      data: { mode: "testing", maxAge: 86400, mx: [MX] },
      headers: SAME_ORIGIN,
    });
    expect(saved.status()).toBe(201);
    const policyId = ((await saved.json()) as { policyId: string }).policyId;
    const posted = await page.request.post("/api/reports/tlsrpt", {
      data: JSON.stringify(report),
      headers: { "content-type": "application/tlsrpt+json" },
    });
    expect([200, 201]).toContain(posted.status());

    // Step 1: check
    await page.goto(`/domains/${DOMAIN}/check`);
    const tabs = page.getByRole("navigation", { name: "Bereiche der Domain" });
    await expect(tabs.getByRole("link", { name: "1 · Prüfung" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(
      page.getByRole("heading", { name: "Schritt 1 · Die Domain heute prüfen" }),
    ).toBeVisible();
    await expect(
      page.getByText(
        "Es wurde noch keine Prüfung ausgeführt. Starten Sie eine, um zu sehen, wo die Domain steht.",
      ),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Prüfung starten" })).toBeVisible();

    // Step 2: policy
    await tabs.getByRole("link", { name: "2 · Richtlinie" }).click();
    await expect(
      page.getByRole("heading", { name: "Schritt 2: Richtlinie anlegen" }),
    ).toBeVisible();
    await expect(page.getByTestId("step-2-summary")).toHaveText(
      `Richtlinie ${policyId} (Testmodus).`,
    );
    await expect(page.getByRole("heading", { name: "Versionsverlauf" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Als neue Version speichern" })).toBeVisible();
    await expect(
      page.getByText("Das ist bereits die aktuelle Version: Es gibt nichts zu speichern."),
    ).toBeVisible();

    // Step 3: publish
    await tabs.getByRole("link", { name: "3 · Veröffentlichen" }).click();
    await expect(
      page.getByRole("heading", { name: "Schritt 3: Richtlinie veröffentlichen" }),
    ).toBeVisible();
    await expect(page.getByTestId("step-3-summary")).toHaveText(
      "Noch nicht geprüft: Liefern Sie die Richtlinie aus und prüfen Sie dann.",
    );
    await expect(
      page.getByRole("heading", { name: "Wer die Richtlinie ausliefert" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Veröffentlichung prüfen" })).toBeVisible();

    // Step 4: DNS records
    await tabs.getByRole("link", { name: "4 · DNS-Einträge" }).click();
    await expect(
      page.getByRole("heading", { name: "Schritt 4: DNS-Einträge anlegen" }),
    ).toBeVisible();
    await expect(page.getByTestId("step-4-summary")).toHaveText(
      "Noch nicht geprüft: Legen Sie die Einträge an und prüfen Sie dann.",
    );
    await expect(
      page.getByRole("heading", { name: "Zu veröffentlichende Einträge" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "DNS-Einträge prüfen" })).toBeVisible();

    // Enforce
    await tabs.getByRole("link", { name: "Erzwingen" }).click();
    await expect(page.getByRole("heading", { name: "Modus der Richtlinie" })).toBeVisible();
    const served = page.getByLabel("Ausgelieferte Richtlinie");
    await expect(served).toContainText("Testmodus");
    // Saved today; the time in German (dd.MM.yyyy HH:mm) and in UTC.
    const today = germanDay(new Date()).replaceAll(".", "\\.");
    await expect(served).toContainText(
      new RegExp(`max_age 86400 · ID ${policyId} · seit ${today} \\d\\d:\\d\\d UTC$`),
    );
    await expect(
      page.getByRole("heading", { name: "Bereit für den Erzwingungsmodus?" }),
    ).toBeVisible();
    const criteria = page.getByRole("list", { name: "Kriterien der Bereitschaft" });
    await expect(criteria.getByRole("listitem", { name: "READY-1 unbekannt" })).toContainText(
      "Die Prüfung wurde noch nicht ausgeführt: Führen Sie 1·Prüfung aus.",
    );
    await expect(criteria.getByRole("listitem", { name: "READY-7 erfüllt" })).toContainText(
      "Ein kurzes max_age hält eine Rückkehr in den Testmodus möglich",
    );
    await expect(criteria.getByRole("listitem", { name: "READY-7 erfüllt" })).toContainText(
      "max_age 86400 ≤ eine Woche.",
    );
    await expect(page.getByTestId("fresh-check-reason")).toHaveText(
      "Die Prüfung wurde noch nicht ausgeführt: Führen Sie eine Prüfung aus.",
    );
    await expect(page.getByRole("button", { name: "Jetzt prüfen", exact: true })).toBeVisible();
    // Counts are grouped the German way: 15413 + 1200 sessions of yesterday.
    const coverage = page.getByRole("table", { name: "Abdeckung durch Berichtsabsender" });
    await expect(coverage.locator(`td[data-day="${yesterday}"]`)).toContainText(
      "16.613 (1.200 fehlgeschlagen)",
    );
    // Its column head: the day without the year, German (dd.MM.), the full day as its title;
    // a star while the day is not complete.
    const head = coverage.getByRole("columnheader").last();
    await expect(head).toHaveAttribute("title", germanDay(yesterday));
    await expect(head).toHaveText(
      new RegExp(`^${germanDay(yesterday).slice(0, 6).replaceAll(".", "\\.")}\\*?$`),
    );
    await page.getByRole("button", { name: "In den Erzwingungsmodus wechseln" }).click();
    const dialog = page.getByRole("alertdialog", { name: "In den Erzwingungsmodus wechseln?" });
    await expect(dialog).toContainText(
      "Absender, die MTA-STS beachten, verweigern die Zustellung an einen MX-Host, dessen TLS fehlschlägt oder der nicht in der Richtlinie steht",
    );
    await expect(dialog).toContainText("bis zum aktuellen max_age (1 Tag)");
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await expect(dialog).toBeHidden();
  });
});

test.describe("the user's own setting", () => {
  test.use({ locale: "en-US" });

  test("wins over an English browser, and choosing the browser's language goes back", async ({
    page,
  }) => {
    await signIn(page, ADMIN);
    await ensureUser(page.request, SETTING_USER, "viewer");
    await page.context().clearCookies();

    await signIn(page, SETTING_USER);
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
    await page.getByLabel("Language").selectOption("de");
    await expect(page.getByRole("heading", { name: "Konto", exact: true })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");

    await page.goto(`/domains/${DOMAIN}/policy`);
    await expect(
      page.getByRole("heading", { name: "Schritt 2: Richtlinie anlegen" }),
    ).toBeVisible();
    await expect(page.getByText("Nur Admins können die Richtlinie ändern.")).toBeVisible();

    const refused = await page.request.put("/api/account/locale", {
      data: { locale: "fr" },
      headers: SAME_ORIGIN,
    });
    // The refusal is in the user's language too (apiErrors.unknownLanguage).
    expect([refused.status(), await refused.json()]).toEqual([
      400,
      { error: "Unbekannte Sprache: Verwenden Sie eine von en, de." },
    ]);

    await page.goto("/account");
    await page.getByLabel("Sprache", { exact: true }).selectOption("browser");
    await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
