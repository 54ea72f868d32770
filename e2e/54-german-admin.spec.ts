import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, ensureUser, germanDay, germanTime, signInGerman } from "./helpers";

// Issue 16 §6: the admin areas in German. A German browser (Accept-Language de-DE); an admin
// of this spec's own adds three domains and reads the domain list (count, search, filters,
// rollout and health, the pager past the last page), Settings (mailbox form, upload
// progress and outcome, scheduled jobs with their schedules) and the audit log (columns,
// filters, each action's German name above its id) and the users page, all in exact
// German, dates and times included (dd.MM.yyyy, UTC).

const P = "ger-admin-";
const DOMAINS = [`${P}1.example`, `${P}2.example`, `${P}10.example`];
const GERMAN_ADMIN = {
  name: "Deutsche Admin",
  email: "german-admin-spec@example.test",
  password: "german admin pass 1",
};

test.use({ locale: "de-DE" });

test("an admin reads the domain list, Settings and the audit log in German", async ({ page }) => {
  await signInGerman(page, ADMIN);
  await ensureUser(page.request, GERMAN_ADMIN, "admin");
  await page.context().clearCookies();
  await signInGerman(page, GERMAN_ADMIN);
  for (const name of DOMAINS) {
    const added = await page.request.post("/api/domains", { data: { name }, headers: SAME_ORIGIN });
    expect([201, 409]).toContain(added.status());
  }

  // Domain list: count, search box, filters, rollout and health of a new domain.
  await page.goto(`/domains?q=${P}`);
  await expect(page).toHaveTitle("Domains · STS Rollout");
  await expect(page.getByRole("heading", { name: "3 passende Domains" })).toBeVisible();
  await expect(page.getByLabel("Name enthält")).toHaveValue(P);
  await expect(page.getByLabel("Modus").locator("option")).toHaveText([
    "alle",
    "testing",
    "enforce",
    "none (Richtlinie zurückgezogen)",
    "noch keine Richtlinie",
  ]);
  await expect(page.getByLabel("Bereitschaft").locator("option").nth(1)).toHaveText(
    "bereit für enforce",
  );
  await expect(page.getByRole("button", { name: "Anwenden" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Zurücksetzen" })).toBeVisible();
  const list = page.getByRole("list", { name: "Domains" });
  await expect(list.getByRole("link")).toHaveText(DOMAINS);
  await expect(page.getByLabel(`Rollout von ${DOMAINS[0]}`)).toHaveText("Schritt 1 · Prüfung");
  const health = page.getByLabel(`Zustand von ${DOMAINS[0]}`);
  await expect(health).toContainText("keine Richtlinie");
  await expect(health).toContainText("Letzter Bericht: noch keiner");
  await expect(health).toContainText("Fehler (7 Tage): keine Sitzungen");
  const all = (await (await page.request.get("/api/domains")).json()) as {
    domains: { name: string; createdAt: string }[];
  };
  const created = new Map(all.domains.map((d) => [d.name, d.createdAt]));
  await expect(list.getByText(/^Hinzugefügt am /)).toHaveText(
    DOMAINS.map((d) => `Hinzugefügt am ${germanDay(created.get(d) ?? "")}`),
  );

  // Past the last page, with a step the list does not know: the sentences, the link and
  // the pager's labels.
  await page.goto(`/domains?q=${P}&page=2&step=9`);
  await expect(
    page.getByText(
      "Der Wert „9“ des Filters Schritt ist keiner von check, policy, publish, dns, live; er wurde ignoriert.",
    ),
  ).toBeVisible();
  await expect(
    page.getByText("Seite 2 liegt hinter der letzten Seite (1). Zu Seite 1.", { exact: true }),
  ).toBeVisible();
  const pager = page.getByRole("navigation", { name: "Seiten der Domainliste" });
  await expect(pager).toContainText("Seite 2 von 1");
  await expect(pager.getByRole("link", { name: "Vorherige Seite" })).toBeVisible();

  // Settings: report channels, mailbox form, an upload, the scheduled jobs.
  await page.goto("/settings");
  await expect(page).toHaveTitle("Einstellungen · STS Rollout");
  await expect(page.getByRole("heading", { name: "Einstellungen: Berichtskanäle" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "IMAP-Host" })).toBeVisible();
  await expect(page.getByLabel("Sicherheit").locator("option").first()).toHaveText(
    "TLS (Port 993)",
  );
  await expect(
    page.getByText("Wird verschlüsselt gespeichert und nie wieder angezeigt."),
  ).toBeVisible();
  await expect(page.getByLabel("Nach Zeitplan abrufen")).toBeChecked();
  await expect(page.getByRole("button", { name: "Postfach hinzufügen" })).toBeVisible();

  await expect(page.getByRole("button", { name: "Dateien auswählen" })).toBeVisible();
  await page.getByTestId("upload-input").setInputFiles({
    name: `${P}kaputt.json`,
    mimeType: "application/json",
    buffer: Buffer.from("{"),
  });
  await expect(page.getByTestId("upload-progress")).toHaveText("1 von 1 Dateien erledigt");
  await expect(page.getByTestId("upload-summary")).toHaveText(
    "0 gespeichert, 0 Duplikate, 0 Konflikte, 1 abgelehnt, 0 ohne verwaltete Domain oder Bericht",
  );
  await expect(
    page.getByRole("list", { name: "Ergebnisse des Hochladens" }).getByText("abgelehnt", {
      exact: true,
    }),
  ).toBeVisible();

  const jobs = page.getByRole("list", { name: "Geplante Aufgaben" });
  await expect(jobs.getByRole("listitem")).toHaveCount(4);
  await expect(jobs.locator('[data-job="recheck-domains"]')).toContainText(
    "Jede Domain erneut prüfen (vollständige Konfigurationsprüfung, dann Abweichungen und Ablauf): täglich um 03:00 UTC.",
  );
  await expect(jobs.locator('[data-job="poll-mailboxes"]')).toContainText(
    "Die Berichtspostfächer (IMAP) abrufen, deren Intervall abgelaufen ist: jede Minute.",
  );
  // It runs every minute from the server's start: its last run today, German and in UTC.
  const minute = `${germanDay(new Date()).replaceAll(".", "\\.")} \\d\\d:\\d\\d UTC`;
  await expect(
    jobs.locator('[data-job="poll-mailboxes"]').getByText(/Letzter Lauf gestartet/),
  ).toHaveText(
    new RegExp(`^(läuft|erledigt)\\s*Letzter Lauf gestartet ${minute}(, beendet ${minute})?$`),
  );
  await expect(
    page.getByRole("button", { name: "Jetzt ausführen: prune-raw-inputs" }),
  ).toBeVisible();

  // Users: the day this admin was added, German.
  const users = (await (await page.request.get("/api/users")).json()) as {
    users: { email: string; createdAt: string }[];
  };
  const me = users.users.find((u) => u.email === GERMAN_ADMIN.email);
  await page.goto("/users");
  const myRow = page.getByRole("row").filter({ hasText: GERMAN_ADMIN.email });
  await expect(myRow.getByRole("cell").nth(3)).toHaveText(germanDay(me?.createdAt ?? ""));

  // Audit log: this admin's own events, named in German above their ids.
  await page.goto(`/audit?user=${encodeURIComponent(GERMAN_ADMIN.email)}`);
  await expect(page).toHaveTitle("Audit-Log · STS Rollout");
  await expect(page.getByRole("heading", { name: "Audit-Log", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader")).toHaveText([
    "Wann (UTC)",
    "Wer",
    "Was",
    "Domain",
    "Details",
  ]);
  await expect(page.getByRole("searchbox", { name: "Wer" })).toHaveValue(GERMAN_ADMIN.email);
  await expect(
    page.getByLabel("Aktion").locator("option", { hasText: "Domain hinzugefügt" }),
  ).toHaveAttribute("value", "domain.add");
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.locator("td:nth-child(3) span")).toHaveText(
    Array(3).fill("Domain hinzugefügt"),
  );
  await expect(rows.locator("td:nth-child(3) code")).toHaveText(Array(3).fill("domain.add"));
  // The time of each event in German (the table's heading says UTC); <time> keeps ISO.
  const times = rows.locator("td:nth-child(1) time");
  const iso = await times.evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect(iso).toHaveLength(3);
  await expect(times).toHaveText(iso.map((at) => germanTime(at, { zone: false })));
  expect(iso.map(germanDay)).toEqual(DOMAINS.map((d) => germanDay(created.get(d) ?? "")).reverse());
});
