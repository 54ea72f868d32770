#!/usr/bin/env bash
# Generates both Prisma clients. `prisma generate` does not use the schema engine, but the
# CLI insists on finding one: point it at a stand-in so it never tries to download it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PRISMA_SCHEMA_ENGINE_BINARY=${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
npx prisma generate --schema prisma/schema.prisma >/dev/null 2>&1
npx prisma generate --schema prisma/postgres/schema.prisma >/dev/null 2>&1
echo "Prisma clients generated (sqlite, postgres)"
