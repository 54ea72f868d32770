#!/usr/bin/env bash
# The app as `npm start` runs it, on a fresh SQLite database of its own, for Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-3100}
db=data/e2e/e2e.db
rm -rf data/e2e && mkdir -p data/e2e
export DATABASE_URL="file:./$db" PORT="$port" NEXTAUTH_URL="http://127.0.0.1:$port"
export NEXTAUTH_SECRET=e2e-secret-not-for-production STS_SKIP_BUILD=1 HOSTNAME_BIND=127.0.0.1
exec bash scripts/start.sh
