// Reads Vitest and Playwright JSON reports and prints (or sums) passed/failed counts.
//   node scripts/test-summary.mjs <report.json> ...   → "N passed, N failed"
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed += 1; // a suite that wrote no report did not pass
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8"));
  if (typeof r.numPassedTests === "number") {
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0) - countFailedSuitesWithFailedTests(r);
  } else if (r.stats) {
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected + (r.errors?.length ?? 0);
  } else if (typeof r.passed === "number") {
    passed += r.passed;
    failed += r.failed;
  }
}
console.log(`${passed} passed, ${failed} failed`);

// Vitest counts a file that failed to load as a failed suite with no failed test in it.
function countFailedSuitesWithFailedTests(r) {
  return (r.testResults ?? []).filter(
    (s) => s.status === "failed" && (s.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
}
