import { chromium } from "@playwright/test";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking"] });
const page = await b.newPage({ viewport: { width: 390, height: 800 } });
const base = "http://127.0.0.1:3102";
await page.goto(base + "/sign-in");
await page.getByLabel("Email").fill("ada@example.test");
await page.getByLabel("Password").fill("correct horse battery");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/domains$/);
await page.goto(base + "/domains/a11y.example/reports/received");
await page.waitForLoadState("networkidle");
console.log(await page.evaluate(() => {
  const t = document.querySelector("table");
  const chain = [];
  for (let e = t; e; e = e.parentElement) { const cs = getComputedStyle(e); chain.push(`${e.tagName}.${String(e.className).slice(0,50)} w=${Math.round(e.getBoundingClientRect().width)} ov=${cs.overflowX} disp=${cs.display} minw=${cs.minWidth}`); }
  return chain.join("\n");
}));
await b.close();
