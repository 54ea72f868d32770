// Benchmark for the configuration checker (issue 4), on loopback servers (needs root: :25/:443).
// 1. A domain with 4 MX hosts, each answering its banner after 300 ms, plus a policy host that
//    answers after 600 ms: the full check must cost ≤ 1.3× the slowest single probe, measured
//    alone (one MX host's full probe: 3 SMTP sessions; or the policy fetch).
// 2. A domain whose 4 MX hosts all accept TCP and stay silent: with a 3 s overall deadline
//    (shortened from the default 20 s for the bench) the check must end within deadline + 1 s.
// Median of several runs. Run: npx tsx bench/check.ts [runs]
import { checkDomain, type CheckEvent, type CheckOptions } from "../lib/checker/index";
import { policyText } from "../e2e/servers/lab-zones";
import { startTestWorld } from "../e2e/servers/world";

const RUNS = Math.max(3, Number(process.argv[2] ?? 5));
const DELAY = 300;
const DEADLINE = 3000;
const mx = ["a", "b", "c", "d"].map((l) => `${l}.slow.test`);

const world = await startTestWorld({
  domains: [
    {
      name: "slow.test",
      mx: mx.map((host) => ({ host, smtp: { bannerDelayMs: DELAY } })),
      policy: { behaviour: { delayMs: 2 * DELAY, body: policyText("enforce", mx) } },
      stsTxt: ["v=STSv1; id=bench1"],
    },
    { name: "solo-mx.test", mx: [{ host: "solo.slow.test", smtp: { bannerDelayMs: DELAY } }] },
    {
      name: "solo-policy.test",
      policy: { behaviour: { delayMs: 2 * DELAY, body: policyText("testing", ["x.test"]) } },
      stsTxt: ["v=STSv1; id=bench1"],
    },
    {
      name: "blackhole.test",
      mx: ["a", "b", "c", "d"].map((l) => ({
        host: `${l}.blackhole.test`,
        smtp: { blackhole: true },
      })),
    },
  ],
});
const options: CheckOptions = {
  dnsServers: [world.dnsServer],
  ca: [world.caPem],
  allowPrivate: true,
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function probeMs(domain: string, probe: string): Promise<number> {
  let ms = NaN;
  await checkDomain(domain, {
    ...options,
    onEvent: (e: CheckEvent) => {
      if (e.type === "probe-finished" && e.probe === probe) ms = e.ms;
    },
  });
  return ms;
}

async function wallMs(domain: string, extra: CheckOptions = {}): Promise<number> {
  const started = performance.now();
  await checkDomain(domain, { ...options, ...extra });
  return performance.now() - started;
}

const solo: number[] = [];
const full: number[] = [];
const blackhole: number[] = [];
for (let i = 0; i < RUNS; i++) {
  solo.push(
    Math.max(
      await probeMs("solo-mx.test", "mx:solo.slow.test"),
      await probeMs("solo-policy.test", "policy"),
    ),
  );
  full.push(await wallMs("slow.test"));
  blackhole.push(await wallMs("blackhole.test", { deadlineMs: DEADLINE }));
}
await world.stop();

const ratio = median(full) / median(solo);
const bh = median(blackhole);
const line = (ok: boolean, text: string) => `${ok ? "PASS" : "FAIL"}  ${text}`;
console.log(`runs: ${RUNS}; MX banner delay ${DELAY} ms, policy delay ${2 * DELAY} ms`);
console.log(
  line(
    ratio <= 1.3,
    `full check ${median(full).toFixed(0)} ms vs slowest single probe ${median(solo).toFixed(0)} ms: ${ratio.toFixed(2)}× (target ≤ 1.3×)`,
  ),
);
console.log(
  line(
    bh <= DEADLINE + 1000,
    `all-blackhole domain ${bh.toFixed(0)} ms with a ${DEADLINE} ms deadline (target ≤ ${DEADLINE + 1000} ms)`,
  ),
);
process.exitCode = ratio <= 1.3 && bh <= DEADLINE + 1000 ? 0 : 1;
