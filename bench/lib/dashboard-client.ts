// The measuring side of bench:watch, in a process of its own: the bench process also runs
// the lab (1,500 DNS, HTTPS and SMTP servers answering the checker's handshakes), and a
// client sharing that event loop would time the lab's work as the dashboard's. Requests the
// given pages in turn with the session cookie (BENCH_COOKIE), 50 ms apart, and prints one
// JSON line per answer: {"page", "ms"} (or {"page", "error"}). The parent stops it with
// SIGTERM. Run by bench/watch.ts: npx tsx bench/lib/dashboard-client.ts <base> <page>...
import http from "node:http";

const [base, ...pages] = process.argv.slice(2) as [string, ...string[]];
const cookie = process.env.BENCH_COOKIE ?? "";
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function get(page: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.get(new URL(page, base), { agent, headers: { cookie } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => {
        const ms = performance.now() - t;
        if (res.statusCode === 200) resolve(ms);
        else reject(new Error(`${page} answered ${res.statusCode}`));
      });
    });
    req.on("error", reject);
  });
}

process.on("SIGTERM", () => process.exit(0));
for (let i = 0; ; i++) {
  const page = pages[i % pages.length] ?? "/";
  try {
    process.stdout.write(JSON.stringify({ page, ms: await get(page) }) + "\n");
  } catch (e) {
    process.stdout.write(JSON.stringify({ page, error: (e as Error).message }) + "\n");
  }
  await sleep(50);
}
