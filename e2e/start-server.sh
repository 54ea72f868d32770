#!/usr/bin/env bash
# The app as `npm start` runs it, on a fresh SQLite database of its own, for Playwright.
# Each port gets its own data folder, so suites on different ports can run side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-3100}
dir=data/e2e-$port
rm -rf "$dir" && mkdir -p "$dir"
export DATABASE_URL="file:./$dir/e2e.db" PORT="$port" NEXTAUTH_URL="http://127.0.0.1:$port"
export NEXTAUTH_SECRET=e2e-secret-not-for-production STS_SKIP_BUILD=1 HOSTNAME_BIND=127.0.0.1
# GET /api/metrics answers only with this bearer token (05-unauthenticated-sweep.spec.ts).
export STS_METRICS_TOKEN=e2e-metrics-token-not-for-production
# Every spec signs in from 127.0.0.1: two workers pass the default 30 sign-ins per address
# per minute when the machine is fast (CI saw both workers refused at once).
export STS_SIGN_IN_PER_MINUTE=1000
# The test Dovecot (e2e/dovecot) speaks plain-text IMAP on loopback: a lab setting.
export STS_ALLOW_PLAIN_IMAP=1
# Tests that start loopback DNS/HTTPS/SMTP servers write the checker's network settings here;
# e2e/checker-override.mjs, preloaded into this server only, hands them to the checker.
export E2E_CHECKER_FILE="$PWD/$dir/checker.json"
export NODE_OPTIONS="${NODE_OPTIONS:-} --import $PWD/e2e/checker-override.mjs"
exec bash scripts/start.sh
