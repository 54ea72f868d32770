#!/usr/bin/env bash
# `npm test`: static checks, unit + integration tests (Vitest, real SQLite), then the
# end-to-end suite (Playwright in Debian's Chromium against the production build).
# Ends with one line: "N passed, N failed". Exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# shellcheck source=scripts/system-packages.sh
. scripts/system-packages.sh
# Chromium (e2e) and Dovecot (the poller tests): installed as root on Debian, otherwise
# named, and nothing runs until they are there.
require_packages e2e imap || { echo "0 passed, 1 failed"; exit 1; }
out=test-results
rm -rf "$out" && mkdir -p "$out"
checks_passed=0
checks_failed=0

# A section's heading, with the minutes and seconds since `npm test` began.
heading() { printf '── %s (at %dm%02ds)\n' "$1" $((SECONDS / 60)) $((SECONDS % 60)); }

step() { # name, command...
  local name=$1; shift
  heading "$name"
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); echo "FAILED: $name"; fi
}

# The three static checks each keep about one core busy: they run side by side, and each
# one's output is printed, in order, when it has ended.
finished() { # pid, log: the check's output, and its exit status
  local rc=0
  wait "$1" || rc=$?
  cat "$2"
  return "$rc"
}
npx tsc --noEmit -p . > "$out/type-check.log" 2>&1 &
tsc_pid=$!
npx eslint . --max-warnings 0 > "$out/lint.log" 2>&1 &
lint_pid=$!
npx prettier --check . --log-level warn > "$out/format.log" 2>&1 &
format_pid=$!
step "type-check" finished "$tsc_pid" "$out/type-check.log"
step "lint" finished "$lint_pid" "$out/lint.log"
step "format" finished "$format_pid" "$out/format.log"
echo "{\"passed\": $checks_passed, \"failed\": $checks_failed}" > "$out/checks.json"

# .ci/run runs the packages' install scripts (better-sqlite3's compile) beside the static
# checks above, and names the folder where that build writes its log and exit status.
if [ -n "${STS_NATIVE_BUILD:-}" ]; then
  heading "packages' install scripts (waiting for them to end)"
  while [ ! -s "$STS_NATIVE_BUILD/status" ]; do sleep 1; done
  if [ "$(cat "$STS_NATIVE_BUILD/status")" != 0 ]; then
    cat "$STS_NATIVE_BUILD/log"
    echo "FAILED: npm rebuild (the packages' install scripts)"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# The production build for the end-to-end tests runs beside the unit tests, at the lowest
# CPU priority: it gets the time they leave idle (a core, while the serial files run one at
# a time), and the files that assert time budgets keep their cores. The type-check step
# above already checked the whole tree: the build skips its own pass.
heading "unit and integration tests, and the production build beside them"
STS_BUILD_SKIP_TYPECHECK=1 nice -n 19 npx next build > "$out/build.log" 2>&1 &
build_pid=$!
npx vitest run --reporter=default --reporter=json --outputFile.json="$out/unit.json"

heading "production build (waiting for it to end)"
if wait "$build_pid"; then
  heading "end-to-end tests"
  npx playwright test
else
  cat "$out/build.log"
  echo "FAILED: production build"
fi

heading "done"
summary=$(node scripts/test-summary.mjs "$out/checks.json" "$out/unit.json" "$out/e2e.json")
echo "$summary"
case "$summary" in *" 0 failed") exit 0 ;; *) exit 1 ;; esac
