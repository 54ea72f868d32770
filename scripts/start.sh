#!/usr/bin/env bash
# `npm start`: build the production app, create or migrate the database, serve on
# http://localhost:${PORT:-3000}. STS_SKIP_BUILD=1 reuses an existing build (the e2e suite).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
port=${PORT:-3000}
# data/ holds the SQLite database and secrets: this user only (issue 11), also when an
# older version left it looser. The database files are tightened by the migration step.
mkdir -p data
chmod 700 data

# Secrets come from the environment. On a first local start without one, a random secret
# is made once and kept in data/ (readable by this user only), so sessions survive restarts.
if [ -z "${NEXTAUTH_SECRET:-}" ]; then
  if [ ! -s data/auth-secret ]; then
    (umask 077 && node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))" > data/auth-secret)
    echo "No NEXTAUTH_SECRET set: generated one in data/auth-secret"
  fi
  chmod 600 data/auth-secret
  NEXTAUTH_SECRET=$(cat data/auth-secret)
  export NEXTAUTH_SECRET
fi
export NEXTAUTH_URL=${NEXTAUTH_URL:-http://localhost:$port}

if [ "${STS_SKIP_BUILD:-0}" != 1 ] || [ ! -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ]; then
  npx next build
fi
npx tsx --conditions=react-server scripts/db/migrate.ts
echo "STS Rollout is starting on $NEXTAUTH_URL"
exec npx next start -p "$port" -H "${HOSTNAME_BIND:-0.0.0.0}"
