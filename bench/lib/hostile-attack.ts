// The attacking side of bench:hostile, in a process of its own so its work never delays
// the measuring client: CLIENTS loops POST the hostile inputs round-robin to the report
// endpoint as fast as the server answers, for SECONDS, then print one JSON line of counts.
// Run by bench/hostile.ts: npx tsx bench/lib/hostile-attack.ts <port> <seconds> <clients>
import http from "node:http";
import { hostileInputs } from "../../lib/ingest/hostile-inputs.test-utils";

const [port, seconds, clients] = process.argv.slice(2).map(Number) as [number, number, number];
// BENCH_INPUTS=name,name sends only those inputs (to find which one costs the most).
const only = process.env.BENCH_INPUTS?.split(",");
const inputs = hostileInputs().filter((i) => !only || only.includes(i.name));
// Each client connects from its own loopback address (127.0.1.N), as attackers on many
// addresses would, so the per-source limits don't turn the attack into cheap 429s.
const agents = Array.from(
  { length: clients },
  (_, i) => new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.1.${i + 1}` }),
);
/** input name → response status (or error code) → count */
const counts: Record<string, Record<string, number>> = {};

function post(agent: http.Agent, body: Buffer, contentType: string): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/reports/tlsrpt",
        method: "POST",
        agent,
        headers: { "content-type": contentType, "content-length": body.length },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.statusCode)));
        res.on("error", () => resolve("response-error"));
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
    req.setTimeout(60_000, () => req.destroy());
    req.end(body);
  });
}

process.stdout.write("ready\n");
const end = Date.now() + seconds * 1000;
let next = 0;
await Promise.all(
  agents.map(async (agent) => {
    while (Date.now() < end) {
      const input = inputs[next++ % inputs.length];
      if (!input) break;
      const status = await post(agent, input.body, input.contentType);
      const row = (counts[input.name] ??= {});
      row[status] = (row[status] ?? 0) + 1;
    }
  }),
);
for (const agent of agents) agent.destroy();
process.stdout.write(`${JSON.stringify(counts)}\n`);
