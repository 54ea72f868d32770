import { expect, test } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, signInGerman } from "./helpers";

// Issue 16 §6: texts that lib and the API write, in German. A German browser (Accept-Language
// de-DE) edits the policy: the parser's diagnostics (STS-POL-8, STS-POL-9) and the max_age
// advice appear in German; a save that the API refuses (409, the version is already current)
// shows the route's error in German, while the same request without a language stays English.

const DOMAIN = "german-policy.example.net";
const MX = "mx1.german-policy.example.net";

test.use({ locale: "de-DE" });

test("STS-POL-8/9 diagnostics and an API error appear in German", async ({ page }) => {
  await signInGerman(page, ADMIN);
  const added = await page.request.post("/api/domains", {
    data: { name: DOMAIN },
    headers: SAME_ORIGIN,
  });
  expect([201, 409]).toContain(added.status());
  const draft = { mode: "testing", maxAge: 86400, mx: [MX] };
  const saved = await page.request.post(`/api/domains/${DOMAIN}/policy`, {
    data: draft,
    headers: SAME_ORIGIN,
  });
  expect([201, 409]).toContain(saved.status());

  await page.goto(`/domains/${DOMAIN}/policy`);
  await expect(
    page.getByText(
      "Testmodus: ein Tag, damit ein Fehler in der Richtlinie schnell aus den Caches der Absender verschwindet, während die TLS-Berichte eintreffen (STS-OPS-8, STS-OPS-10).",
    ),
  ).toBeVisible();
  const problems = page.getByRole("list", { name: "Probleme der Richtlinie" });
  await page.getByLabel("MX-Muster (eines pro Zeile)").fill(`${MX}.`);
  await expect(problems.getByRole("listitem")).toHaveText([
    `Entfernen Sie den Punkt am Ende von „${MX}.“. STS-POL-9`,
  ]);
  await page.getByLabel("MX-Muster (eines pro Zeile)").fill(MX);
  await page.getByLabel("max_age (Sekunden)").fill("600");
  await expect(problems.getByRole("listitem")).toHaveText([
    "max_age 600 ist kürzer als ein Tag: Absender speichern die Richtlinie kaum zwischen, sie schützt also wenig. Verwenden Sie mindestens 86400. STS-POL-8",
  ]);

  // The editor holds max_age 600; the same version is saved meanwhile, so the save is refused.
  const meanwhile = await page.request.post(`/api/domains/${DOMAIN}/policy`, {
    data: { ...draft, maxAge: 600 },
    headers: SAME_ORIGIN,
  });
  expect(meanwhile.status()).toBe(201);
  const { policyId } = (await meanwhile.json()) as { policyId: string };
  await page.getByRole("button", { name: "Als neue Version speichern" }).click();
  await expect(
    page.getByText(
      `Das ist genau Version ${policyId}, die bereits aktuell ist: Es gibt nichts zu speichern.`,
    ),
  ).toBeVisible();
  // A script that names no language gets the English the API always answered.
  const script = await page.request.post(`/api/domains/${DOMAIN}/policy`, {
    data: { ...draft, maxAge: 600 },
    headers: { ...SAME_ORIGIN, "accept-language": "" },
  });
  expect([script.status(), await script.json()]).toEqual([
    409,
    { error: `This is exactly version ${policyId}, already current: nothing to save.` },
  ]);
});
