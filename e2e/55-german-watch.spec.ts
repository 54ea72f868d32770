import { expect, test } from "@playwright/test";
import { startHttpReceiver, type HttpReceiver } from "@/lib/alerts/receivers.test-utils";
import { ADMIN, SAME_ORIGIN, germanDay, germanTime, signInGerman } from "./helpers";

// Issue 16 §6: the alerts and timeline pages in German (browser language de-DE), and an alert
// message in the domain's alert language: an admin turns on a Slack-format webhook (a
// receiver this spec starts on loopback) with German alert messages, sends a test alert,
// reads the German result, list and timeline entry; the receiver gets German text.

const DOMAIN = "german-watch.example.net";

let hook: HttpReceiver;

test.beforeAll(async () => {
  hook = await startHttpReceiver([200]);
});

test.afterAll(async () => {
  await hook.close();
});

test.use({ locale: "de-DE" });

test("alerts and timeline in German; the test alert is sent in German", async ({ page }) => {
  await signInGerman(page, ADMIN);
  const res = await page.request.post("/api/domains", {
    data: { name: DOMAIN },
    headers: SAME_ORIGIN,
  });
  expect([201, 409]).toContain(res.status());

  await page.goto(`/domains/${DOMAIN}/alerts`);
  await expect(page).toHaveTitle(new RegExp(`^Alarme · ${DOMAIN.replaceAll(".", "\\.")}`));
  const form = page.getByRole("form", { name: "Alarmeinstellungen" });
  await form.getByLabel("Alarme an einen Webhook senden").check();
  await form.getByLabel("Webhook-URL").fill(hook.url);
  await form.getByLabel("Format").selectOption("slack");
  await form.getByLabel("Sprache der Alarmmeldungen").selectOption("de");
  await expect(form.getByLabel(/Zertifikat läuft bald ab/)).toBeChecked();
  await form.getByRole("button", { name: "Alarmeinstellungen speichern" }).click();
  await expect(form.getByText("Alarmeinstellungen gespeichert.")).toBeVisible();

  const today = germanDay(new Date());
  await page.getByRole("button", { name: "Testalarm senden" }).click();
  await expect(
    page.getByRole("list", { name: "Ergebnis des Testalarms" }).getByRole("listitem"),
  ).toHaveText(["Webhook: gesendet (HTTP 200)"]);
  const text = (JSON.parse(hook.posts.at(-1)!.body) as { text: string }).text.split("\n");
  expect(text.slice(0, 4)).toEqual([
    `*Testalarm für ${DOMAIN}*`,
    `Domain: ${DOMAIN}`,
    "Alarm: TEST (Testalarm, Info)",
    "Betrifft: test",
  ]);
  const row = page.getByRole("table", { name: "Alarme" }).getByRole("row").nth(1);
  await expect(row).toContainText(`Testalarm für ${DOMAIN}`);
  await expect(row).toContainText("Webhook: gesendet");
  await expect(row).toContainText(`${new URL(hook.url).origin}/… · 1 Versuch`);
  // Raised today, written the German way, in the table and in the German chat message alike.
  const raised = row.getByRole("cell").first();
  await expect(raised).toHaveText(
    new RegExp(`^${today.replaceAll(".", "\\.")} \\d\\d:\\d\\d:\\d\\d UTC$`),
  );
  expect(text.find((l) => l.startsWith("Ausgelöst: "))).toBe(
    `Ausgelöst: ${await raised.textContent()}`,
  );

  await page.goto(`/domains/${DOMAIN}/timeline`);
  await expect(page.getByRole("heading", { name: "Verlauf", level: 2 })).toBeVisible();
  const alert = page.locator('[data-testid="timeline-entry"][data-kind="alert"]').first();
  await expect(alert).toHaveText(new RegExp(`Alarm\\s*TEST\\s*Alarm: Testalarm für ${DOMAIN}`));
  const when = alert.locator("time");
  await expect(when).toHaveText(germanTime((await when.getAttribute("datetime")) ?? ""));
});
