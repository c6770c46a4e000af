#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only checks that the binary exists; migrations are made and applied
# by packages/db with @prisma/schema-engine-wasm instead (docs/decisions/0002-migrations-offline.md).
echo "kundnav: the native Prisma schema engine is not available; use pnpm db:migrate:new" >&2
exit 1
