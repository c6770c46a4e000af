// Runs `prisma generate` offline: the CLI only checks that a schema-engine binary exists,
// so we point it at a stub kept in the repo (see docs/decisions/0002-migrations-offline.md).
import { spawnSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../../..')
const stub = resolve(root, 'tools/prisma-engine-stub.sh')
const result = spawnSync(
  'pnpm',
  ['exec', 'prisma', 'generate', '--config', resolve(root, 'prisma.config.ts')],
  {
    cwd: resolve(here, '..'),
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  },
)
process.exit(result.status ?? 1)
