// `pnpm db:migrate:new <name>`: writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL
// that takes the database from the existing migrations to prisma/schema.prisma, like `prisma migrate dev
// --create-only`, but offline (see docs/decisions/0002-migrations-offline.md).
import { existsSync } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { diffMigrations, MIGRATION_LOCK_TOML } from '../src/migrations/diff.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const schemaPath = join(root, 'prisma/schema.prisma')
const migrationsDir = join(root, 'prisma/migrations')
const usage =
  'Usage: pnpm db:migrate:new <name>   (lowercase letters, digits and underscores, e.g. add_invoice)'

/** `YYYYMMDDHHMMSS` in UTC, the prefix `prisma migrate` gives migration folders. */
function timestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/\D/g, '')
}

/** Engine errors (code P…) say what is wrong in their message; their stack and span trace only add noise. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string' || !code.startsWith('P')) return error.stack ?? error.message
  return `Error ${code}: ${error.message.replace(/\n\s+\d+: schema_engine_wasm::[\s\S]*$/, '')}`
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--')
  const name = args[0]
  if (args.length !== 1 || name === undefined) {
    console.error(usage)
    return 2
  }
  if (!/^[a-z0-9_]{1,200}$/.test(name)) {
    console.error(
      `Invalid migration name ${JSON.stringify(name)}: use only lowercase letters, digits and underscores.`,
    )
    console.error(usage)
    return 2
  }

  const sql = await diffMigrations({ schemaPath, migrationsDir })
  if (sql === '') {
    console.log('No changes: the schema matches the migrations.')
    return 0
  }

  const prefix = timestamp(new Date())
  const dir = join(migrationsDir, `${prefix}_${name}`)
  if (existsSync(dir)) {
    console.error(`${relative(root, dir)} already exists; wait a second and try again.`)
    return 1
  }
  const newest = (await readdir(migrationsDir, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1)
  if (newest !== undefined && newest > `${prefix}_`) {
    console.warn(`Warning: ${newest} is dated in the future; the new migration will sort before it.`)
  }

  await mkdir(dir, { recursive: true })
  const file = join(dir, 'migration.sql')
  await writeFile(file, sql)
  const lockfile = join(migrationsDir, 'migration_lock.toml')
  if (!existsSync(lockfile)) {
    await writeFile(lockfile, MIGRATION_LOCK_TOML)
    console.log(`Created ${relative(root, lockfile)}`)
  }
  console.log(`Created ${relative(root, file)}`)
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(describeError(error))
    process.exitCode = 1
  },
)
