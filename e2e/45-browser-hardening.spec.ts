import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, SAME_ORIGIN, signIn, watchCspViolations } from "./helpers";

// Issue 11 §9 in Chromium: every page of a domain with reports renders, hydrates and
// shows charts without a single Content-Security-Policy violation; the headers are on the
// pages and not on the hosted policy; the API refuses cross-site requests and non-JSON
// bodies, and pages refuse any method but GET.

const DOMAIN = "csp.example";
const MX = `mx.${DOMAIN}`;
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

function report(): string {
  return JSON.stringify({
    "organization-name": "CSP Reporter",
    "date-range": {
      "start-datetime": `${yesterday}T00:00:00Z`,
      "end-datetime": `${yesterday}T23:59:59Z`,
    },
    "contact-info": "tls@reporter.example",
    "report-id": "csp-sweep-1",
    policies: [
      {
        policy: { "policy-type": "sts", "policy-domain": DOMAIN, "mx-host": [MX] },
        summary: { "total-successful-session-count": 40, "total-failure-session-count": 2 },
        "failure-details": [
          {
            "result-type": "certificate-expired",
            "receiving-mx-hostname": MX,
            "failed-session-count": 2,
          },
        ],
      },
    ],
  });
}

/** Every page in app/ (route groups dropped), as the unauthenticated sweep finds them. */
function pages(dir: string, segments: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) {
      const group = e.name.startsWith("(") && e.name.endsWith(")");
      return pages(path.join(dir, e.name), group ? segments : [...segments, e.name]);
    }
    return e.name === "page.tsx" ? ["/" + segments.join("/")] : [];
  });
}

const CSP =
  /^default-src 'self'; script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})' 'strict-dynamic'; /;

test.describe.configure({ mode: "serial" });

test("STS-FETCH-8: pages carry the security headers, the hosted policy only its own", async ({
  page,
  request,
}) => {
  await signIn(page, ADMIN);
  const api = (method: string, url: string, data: unknown) =>
    page.request.fetch(url, { method, data, headers: SAME_ORIGIN });
  expect([201, 409]).toContain((await api("POST", "/api/domains", { name: DOMAIN })).status());
  const saved = await api("POST", `/api/domains/${DOMAIN}/policy`, {
    mode: "testing",
    maxAge: 86400,
    mx: [MX],
  });
  expect(saved.status()).toBe(201);
  const policyBody = ((await saved.json()) as { body: string }).body;

  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const nonce = first.headers()["content-security-policy"]?.match(CSP)?.[1];
  expect(nonce, first.headers()["content-security-policy"]).toBeDefined();
  expect(second.headers()["content-security-policy"]?.match(CSP)?.[1]).not.toBe(nonce);
  expect(first.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(first.headers()["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  // Every script Next wrote into the page carries this response's nonce.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()",
  });
  // Plain HTTP, and no trusted proxy (STS_TRUST_PROXY unset) to vouch for https: no HSTS.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
  const claimed = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(claimed.headers()["strict-transport-security"]).toBeUndefined();

  const hosted = await request.get("/.well-known/mta-sts.txt", {
    headers: { Host: `mta-sts.${DOMAIN}` },
    maxRedirects: 0,
  });
  expect(hosted.status()).toBe(200);
  expect((await hosted.body()).toString("utf8")).toBe(policyBody);
  expect(hosted.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(hosted.headers()["cache-control"]).toBe("public, max-age=60");
  for (const h of ["content-security-policy", "x-frame-options", "permissions-policy", "location"])
    expect(hosted.headers()[h], h).toBeUndefined();
});

test("the API refuses cross-site and non-JSON changes; the upload takes files from this site", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const post = (data: unknown, headers: Record<string, string>) =>
    page.request.post("/api/domains", { data, headers });
  const noOrigin = await post({ name: "csrf.example" }, {});
  expect([noOrigin.status(), await noOrigin.json()]).toEqual([
    403,
    {
      error:
        "Refused: a request that changes data must come from this site " +
        "(send an Origin header naming this host, as browsers do).",
    },
  ]);
  const foreign = await post({ name: "csrf.example" }, { origin: "https://evil.example" });
  expect([foreign.status(), await foreign.json()]).toEqual([
    403,
    { error: "Refused: this request came from another site (Origin https://evil.example)." },
  ]);
  const form = await post("name=csrf.example", {
    ...SAME_ORIGIN,
    "content-type": "application/x-www-form-urlencoded",
  });
  expect([form.status(), await form.json()]).toEqual([
    415,
    {
      error:
        "Send the request body as JSON (Content-Type: application/json); " +
        "this request sent application/x-www-form-urlencoded.",
    },
  ]);
  const listed = async () =>
    (
      (await (await page.request.get("/api/domains")).json()) as { domains: { name: string }[] }
    ).domains.map((d) => d.name);
  expect(await listed()).not.toContain("csrf.example");
  // Browsers that send Sec-Fetch-Site instead of Origin are fine.
  const fetchSite = await post({ name: "csrf.example" }, { "sec-fetch-site": "same-origin" });
  expect(fetchSite.status()).toBe(201);
  expect(await listed()).toContain("csrf.example");
  const removed = await page.request.delete("/api/domains/csrf.example", {
    data: {},
    headers: SAME_ORIGIN,
  });
  expect(removed.status()).toBe(204);

  // The upload: the file's own bytes and type, but still only from this site.
  const upload = (headers: Record<string, string>) =>
    page.request.post("/api/reports/upload?filename=csp.json", { data: report(), headers });
  const crossSite = await upload({ "content-type": "application/octet-stream" });
  expect(crossSite.status()).toBe(403);
  const stored = await upload({ ...SAME_ORIGIN, "content-type": "application/octet-stream" });
  expect(await stored.json()).toMatchObject({ status: "stored", stored: 1, reason: null });

  // There are no server actions (issue 13 §2): proxy.ts refuses any POST to a page path,
  // from this site or another, before Next looks for an action to run.
  const actionOrigins: Record<string, string>[] = [
    {},
    { origin: "https://evil.example" },
    SAME_ORIGIN,
  ];
  for (const headers of actionOrigins) {
    const action = await page.request.post("/domains", {
      data: "[]",
      headers: { ...headers, "next-action": "0".repeat(40), "content-type": "text/plain" },
      maxRedirects: 0,
    });
    expect(action.status()).toBe(405);
    expect(await action.json()).toEqual({ error: "Pages only answer GET; changes go to the API." });
  }
});

/** Opens a page and waits until Next's client runtime has run (hydration needs its scripts). */
async function visit(page: Page, url: string): Promise<number> {
  const res = await page.goto(url);
  await page.waitForFunction(() => "next" in window);
  await page.waitForLoadState("load");
  return res?.status() ?? 0;
}

test("signed in, every page of a domain with reports renders without a CSP violation", async ({
  page,
}) => {
  const csp = await watchCspViolations(page);
  await signIn(page, ADMIN);
  await visit(page, `/domains/${DOMAIN}/reports/received`);
  const detail = page.locator(`a[href^="/domains/${DOMAIN}/reports/received/"]`).first();
  const detailHref = await detail.getAttribute("href");
  expect(detailHref).toMatch(/\/reports\/received\/[^/]+$/);
  const params: Record<string, string> = {
    "[name]": DOMAIN,
    "[id]": detailHref!.split("/").pop()!,
  };

  const routes = pages(path.resolve("app"));
  expect(routes).toEqual(expect.arrayContaining(["/", "/domains/[name]/reports", "/users"]));
  const visited: string[] = [];
  for (const route of routes) {
    const url = route.replace(/\[[^\]]+\]/g, (p) => params[p] ?? p);
    const status = await visit(page, url);
    // First run is over, so /first-run is the not-found page, which must pass the CSP too.
    expect(status, url).toBe(route === "/first-run" ? 404 : 200);
    if (route === "/domains/[name]/reports") {
      await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    }
    expect(await csp.violations(), url).toEqual([]);
    visited.push(url);
  }
  expect(visited.length).toBe(routes.length);
  expect(visited.length).toBeGreaterThanOrEqual(15);
});

// What an HTML injection would look like: markup the HTML parser reads (here written into a
// frame, which inherits the page's CSP) and an inline event handler. Scripts that running
// scripts create themselves are trusted by design ('strict-dynamic': how Next loads chunks).
test("the CSP blocks injected inline scripts and handlers, and the sweep would notice", async ({
  page,
}) => {
  const csp = await watchCspViolations(page);
  await signIn(page, ADMIN);
  await visit(page, "/domains");
  await page.evaluate(() => {
    const frame = document.createElement("iframe");
    document.body.append(frame);
    frame.contentDocument!.write("<script>parent.__injected = 1</scr" + "ipt>");
    frame.contentDocument!.close();
    const div = document.createElement("div");
    div.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = 2">';
    document.body.append(div);
  });
  await expect.poll(async () => (await csp.violations()).length).toBeGreaterThanOrEqual(3);
  expect(await csp.violations()).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^console: Executing inline script violates/),
      expect.stringMatching(/^console: Executing inline event handler violates/),
      "script-src-attr blocked inline on http://127.0.0.1:" + new URL(page.url()).port + "/domains",
    ]),
  );
  expect(await page.evaluate(() => "__injected" in window)).toBe(false);
});
