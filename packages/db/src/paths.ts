import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, found from this file so it holds whatever the working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const migrationsDir = resolve(repoRoot, 'prisma/migrations')
