// Benchmark: the TLS-RPT reader versus the raw floor (gunzip + JSON.parse of the same
// bytes), in the same run, median of several runs. Target: reader ≤ 2× the floor.
// Run: npx tsx bench/parse.ts [reports] [runs]
import { gunzipSync } from "node:zlib";
import { readReport } from "../lib/tlsrpt/read-report";
import { makeCorpus } from "./lib/report-corpus";

const COUNT = Number(process.argv[2] ?? 4000);
const RUNS = Math.max(5, Number(process.argv[3] ?? 9));
const corpus = makeCorpus(COUNT);

function raw(from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = JSON.parse(gunzipSync(corpus[i] as Buffer).toString("utf8")) as {
      policies: unknown[];
    };
    n += v.policies.length;
  }
  return n;
}

function reader(from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const r = readReport(corpus[i] as Buffer);
    if (!r.ok) throw new Error(`corpus report refused: ${r.error.message}`);
    n += r.value.reports[0]?.policies.length ?? 0;
  }
  return n;
}

// CPU time of this process (user + system), not wall time: on a shared machine the wall
// clock also counts the time other processes hold the CPU, which is noise for a ratio.
const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};
const elapsed = (fn: (a: number, b: number) => number, a: number, b: number): number => {
  const t0 = cpuNs();
  fn(a, b);
  return cpuNs() - t0;
};

// One run reads the whole corpus both ways, interleaved in small slices (alternating which
// goes first) so that both see the same machine load, CPU frequency and heap state.
const SLICE = 200;
function run(): { raw: number; reader: number } {
  let rawNs = 0;
  let readerNs = 0;
  for (let a = 0, k = 0; a < COUNT; a += SLICE, k++) {
    const b = Math.min(COUNT, a + SLICE);
    if (k % 2 === 0) {
      rawNs += elapsed(raw, a, b);
      readerNs += elapsed(reader, a, b);
    } else {
      readerNs += elapsed(reader, a, b);
      rawNs += elapsed(raw, a, b);
    }
  }
  return { raw: COUNT / (rawNs / 1e9), reader: COUNT / (readerNs / 1e9) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

run(); // warm-up: let the JIT compile both paths before measuring
const rawRates: number[] = [];
const readerRates: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = run();
  rawRates.push(r.raw);
  readerRates.push(r.reader);
}
const rawRate = median(rawRates);
const readerRate = median(readerRates);
const ratio = rawRate / readerRate;
const bytes = corpus.reduce((s, b) => s + b.length, 0);
console.log(
  `corpus: ${COUNT} gzip reports, ${(bytes / COUNT).toFixed(0)} bytes each on average; median of ${RUNS} runs`,
);
console.log(`raw floor (gunzipSync + JSON.parse): ${rawRate.toFixed(0)} reports/s (CPU time)`);
console.log(`readReport:                          ${readerRate.toFixed(0)} reports/s (CPU time)`);
console.log(`ratio (reader cost / floor cost):    ${ratio.toFixed(2)}x`);
console.log(`target: reader ≤ 2× raw floor: ${ratio <= 2 ? "PASS" : "FAIL"}`);
process.exitCode = ratio <= 2 ? 0 : 1;
