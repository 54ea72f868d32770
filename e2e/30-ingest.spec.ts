import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { ImapFlow } from "imapflow";
import { startDovecot, type DovecotServer } from "./dovecot/dovecot";
import { ADMIN, SAME_ORIGIN, signIn } from "./helpers";

// Issue 6 end to end against the running app: the public HTTPS endpoint, upload in the
// browser, a real Dovecot polled by the server, the received-reports list and detail, and
// hostile report strings shown as text. The reports are the project's own fixtures
// (lib/tlsrpt/fixtures); their domains (example.com/.net/.org) are this spec's alone.

const FIXTURES = path.resolve("lib/tlsrpt/fixtures");
const sample = (name: string) => path.join(FIXTURES, name);
const DOMAINS = ["example.com", "example.net", "example.org", "ingest-hostile.example"];
const HOSTILE_ORG = "<script>alert(1)</script>";
const HOSTILE_REASON = '<img src=x onerror="alert(2)">';
const MAIL_USER = "rua";
const MAIL_PASS = "imap-app-password";

let dovecot: DovecotServer;

test.beforeAll(async () => {
  dovecot = await startDovecot([{ user: MAIL_USER, pass: MAIL_PASS }]);
});
test.afterAll(async () => {
  await dovecot?.stop();
});

async function anonymous(): Promise<APIRequestContext> {
  const base = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  return playwrightRequest.newContext({ baseURL: base });
}

function hostileReport(): Buffer {
  return gzipSync(
    JSON.stringify({
      "organization-name": HOSTILE_ORG,
      "date-range": {
        "start-datetime": "2025-06-01T00:00:00Z",
        "end-datetime": "2025-06-01T23:59:59Z",
      },
      "contact-info": "tls@hostile-reporter.example",
      "report-id": "hostile-1",
      policies: [
        {
          policy: { "policy-type": "sts", "policy-domain": "ingest-hostile.example" },
          summary: { "total-successful-session-count": 7, "total-failure-session-count": 3 },
          "failure-details": [
            {
              "result-type": "validation-failure",
              "receiving-mx-hostname": "mx.ingest-hostile.example",
              "failed-session-count": 3,
              "failure-reason-code": HOSTILE_REASON,
            },
          ],
        },
      ],
    }),
  );
}

/** An injected element would be a <script> whose text is exactly alert(1) or an <img src=x>;
 * Next's own inline scripts carry the strings as escaped data, which is fine. */
async function noInjectedMarkup(page: Page): Promise<void> {
  const injected = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
    scripts: [...document.querySelectorAll("script")].filter(
      (s) => s.textContent?.trim() === "alert(1)",
    ).length,
  }));
  expect(injected).toEqual({ imgs: 0, scripts: 0 });
}

test.describe.serial("report intake", () => {
  test("admin adds the domains reports are about", async ({ page }) => {
    await signIn(page, ADMIN);
    for (const name of DOMAINS) {
      const res = await page.request.post("/api/domains", { data: { name }, headers: SAME_ORIGIN });
      expect([201, 409]).toContain(res.status());
    }
  });

  test("HTTPS: a real gzip report is stored once, retries are duplicates, bad input is refused", async () => {
    const api = await anonymous();
    const gz = readFileSync(sample("report-mail-attachment.json.gz"));
    const post = (data: Buffer | string, type = "application/tlsrpt+gzip") =>
      api.post("/api/reports/tlsrpt", { data, headers: { "content-type": type } });
    const first = await post(gz);
    expect([first.status(), (await first.text()).trim()]).toEqual([201, "stored: 1 report"]);
    const again = await post(gz);
    expect([again.status(), (await again.text()).trim()]).toEqual([
      200,
      "duplicate: already received",
    ]);
    const truncated = await post(gz.subarray(0, 40));
    expect(truncated.status()).toBe(400);
    expect((await truncated.text()).trim()).toMatch(
      /^rejected: the gzip data could not be decompressed/,
    );
    const notReport = await post("hello", "text/plain");
    expect(notReport.status()).toBe(415);
    const hostile = await post(hostileReport());
    expect(hostile.status()).toBe(201);
    const unmanaged = await post(
      readFileSync(sample("policy-change-same-day.json")),
      "application/tlsrpt+json",
    );
    expect([unmanaged.status(), (await unmanaged.text()).trim()]).toEqual([
      202,
      "no-report: no managed domain in the report (shop.example.net)",
    ]);
    await api.dispose();
  });

  test("hostile strings in a report are shown as text, never as markup", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, ADMIN);
    await page.goto("/domains/ingest-hostile.example/reports/received");
    const table = page.getByRole("table", { name: "Received reports" });
    await expect(table.getByText(HOSTILE_ORG, { exact: true })).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table.locator("tbody tr").first()).toContainText("HTTPS");
    await noInjectedMarkup(page);
    await table.getByRole("link", { name: "Details" }).click();
    await expect(page.getByTestId("report-organization")).toHaveText(HOSTILE_ORG);
    await expect(page.getByTestId("failure-reason")).toHaveText(HOSTILE_REASON);
    await expect(page.getByTestId("raw-report")).toContainText(
      '"failure-reason-code":"<img src=x onerror=\\"alert(2)\\">"',
    );
    await noInjectedMarkup(page);
    expect(dialogs).toEqual([]);
  });

  test("upload: many files with a per-file outcome and progress", async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto("/settings");
    // RPT-TXT-3: the e2e server has no STS_PUBLIC_URL, so no http:// endpoint is shown.
    // Issue 16: the same sentence the DNS step shows (lib/config/report-endpoint.ts).
    await expect(page.getByTestId("rua-https-missing")).toHaveText(
      "No report destination is configured. Set STS_PUBLIC_URL to the https: address reporters reach this app at (e.g. https://sts.example.com; reports are posted to its /api/reports/tlsrpt), or STS_RUA_MAILTO to a mailbox this app reads (e.g. tlsrpt@example.com), then restart.",
    );
    const files = [
      "report-mail.eml", // the report already received over HTTPS
      "octet-stream-gzip.eml",
      "filename-dates-mismatch.eml",
      "start-after-end.json",
      "no-report.eml",
    ];
    await page.getByTestId("upload-input").setInputFiles(files.map(sample));
    await expect(page.getByTestId("upload-progress")).toHaveText("5 of 5 files done");
    const results = page.getByRole("list", { name: "Upload results" }).locator("li");
    await expect(results).toHaveText([
      /report-mail\.emlduplicate/,
      /octet-stream-gzip\.emlstored/,
      /filename-dates-mismatch\.emlstored/,
      "start-after-end.jsonrejecteddate-range: start-datetime 2025-05-10T00:00:00.000Z is after end-datetime 2025-05-09T23:59:59.000Z",
      "no-report.emlno-reportthe message holds no TLS report attachment",
    ]);
    await expect(page.getByTestId("upload-summary")).toHaveText(
      "2 stored, 1 duplicates, 0 conflicts, 1 rejected, 1 without a managed domain or report",
    );
    await page.reload();
    const rejected = page.getByRole("table", { name: "Rejected submissions" });
    await expect(rejected).toContainText("start-after-end.json");
    await expect(rejected).toContainText("is after end-datetime");
    const unknown = page.getByRole("table", { name: "Unknown domains" });
    await expect(unknown.locator("tr", { hasText: "shop.example.net" })).toContainText(
      "example.net",
    );
  });

  test("mailbox: Poll now reads a real Dovecot; a wrong password shows the error", async ({
    page,
  }) => {
    // A report e-mail composed around a fixture report (example.com, not received before).
    const report = await new MailComposer({
      from: "noreply-smtp-tls-reporting@example.net",
      to: "rua@example.com",
      subject: "Report Domain: example.com Submitter: example.net Report-ID: <e2e@example.net>",
      headers: { "TLS-Report-Domain": "example.com", "TLS-Report-Submitter": "example.net" },
      text: "This is an aggregate TLS report from example.net.",
      attachments: [
        {
          filename: "example.net!example.com!1746057600!1746143999!001.json.gz",
          content: gzipSync(readFileSync(sample("clean-sts-enforce.json"))),
          contentType: "application/tlsrpt+gzip",
        },
      ],
    })
      .compile()
      .build();
    const plain = await new MailComposer({
      from: "someone@example.com",
      to: "rua@example.com",
      subject: "Not a report",
      text: "hello",
    })
      .compile()
      .build();
    const c = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: MAIL_USER, pass: MAIL_PASS },
      logger: false,
    } as ConstructorParameters<typeof ImapFlow>[0]);
    await c.connect();
    await c.append("INBOX", report);
    await c.append("INBOX", plain);
    await c.logout();

    await signIn(page, ADMIN);
    await page.goto("/settings");
    const add = async (label: string, password: string) => {
      const form = page.locator("form", { has: page.getByRole("button", { name: "Add mailbox" }) });
      await form.getByLabel("Name", { exact: true }).fill(label);
      await form.getByLabel("IMAP host", { exact: true }).fill(dovecot.host);
      await form.getByLabel("Port", { exact: true }).fill(String(dovecot.port));
      await form.getByLabel("Security", { exact: true }).selectOption("none");
      await form.getByLabel("Username", { exact: true }).fill(MAIL_USER);
      await form.getByLabel("Password or app password", { exact: true }).fill(password);
      await form.getByRole("button", { name: "Add mailbox" }).click();
      await expect(page.getByTestId(`mailbox-${label}`)).toBeVisible();
    };
    await add("Dovecot rua", MAIL_PASS);
    const box = page.getByTestId("mailbox-Dovecot rua");
    await box.getByRole("button", { name: "Poll now" }).click();
    await expect(box).toContainText(
      "Polled: 2 messages: 1 stored, 0 duplicates, 0 rejected, 0 for unmanaged domains, 1 without a report; 1 moved to the rejected folder",
    );
    await box.getByRole("button", { name: "Poll now" }).click();
    await expect(box).toContainText(
      "Polled: 0 messages: 0 stored, 0 duplicates, 0 rejected, 0 for unmanaged domains, 0 without a report",
    );

    // Issue 11: a changed port needs the password again, in the form and in the route.
    await box.getByRole("button", { name: "Edit" }).click();
    const edit = page.locator("li", { has: box }).locator("form");
    const password = edit.getByLabel("Password or app password", { exact: true });
    await expect(edit.getByText("Leave empty to keep the stored one.")).toBeVisible();
    await edit.getByLabel("Port", { exact: true }).fill("1993");
    await expect(edit.getByText("Required: the host, port or security changed.")).toBeVisible();
    await expect(password).toHaveAttribute("required", "");
    // Past the browser's check, the route handler refuses it with the same rule.
    await password.evaluate((el) => el.removeAttribute("required"));
    await edit.getByRole("button", { name: "Save mailbox" }).click();
    await expect(
      edit.getByText(
        "The host, port or security changed: enter the password again, so the stored one is never sent to a different server.",
      ),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("mailbox-Dovecot rua")).toContainText(
      `${MAIL_USER} @ ${dovecot.host}:${dovecot.port} (none)`,
    );

    await add("Wrong password", "nope");
    const bad = page.getByTestId("mailbox-Wrong password");
    await bad.getByRole("button", { name: "Poll now" }).click();
    await expect(
      bad.getByText(
        `Last poll failed: authentication failed: 127.0.0.1:${dovecot.port} refused the username or password`,
      ),
    ).toBeVisible();
    expect(await page.content()).not.toContain(MAIL_PASS);
  });

  test("the received list shows each report once, with its channel", async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto("/domains/example.com/reports/received");
    const rows = page.getByRole("table", { name: "Received reports" }).locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "Mailbox" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "HTTPS" })).toHaveCount(1);
    for (const domain of ["example.net", "example.org"]) {
      await page.goto(`/domains/${domain}/reports/received`);
      const one = page.getByRole("table", { name: "Received reports" }).locator("tbody tr");
      await expect(one).toHaveCount(1);
      await expect(one.first()).toContainText("Upload");
    }
  });
});
