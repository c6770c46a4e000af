import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SqlConnection, SqlRunner } from './sql-runner.ts'

/** The lock key `prisma migrate deploy` takes too, so our runner and that tool never run at once. */
const MIGRATION_LOCK_KEY = 72707369

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

export interface MigrationFile {
  name: string
  file: string
  sql: string
  checksum: string
}

export interface MigrateResult {
  applied: string[]
  /** Applied migrations whose file changed since, or that this code base doesn't know. */
  warnings: string[]
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly file: string,
    override readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`Migration ${file} failed: ${reason}. Nothing of it was applied; fix the file and start again.`)
    this.name = 'MigrationError'
  }
}

/** The migrations of a Prisma Migrate folder, oldest first. */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) return []
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(migrationsDir, name, 'migration.sql')
      const sql = readFileSync(file, 'utf8')
      return { name, file, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

interface AppliedRow {
  migration_name: string
  checksum: string
  finished_at: Date | null
  rolled_back_at: Date | null
}

/**
 * Applies pending migrations, each together with its `_prisma_migrations` row in one transaction,
 * so a broken migration leaves the database as it was (unlike `prisma migrate deploy`, which records
 * it as failed and then refuses to go on). The rows have the format that tool writes.
 */
export async function migrate(sql: SqlRunner, migrationsDir: string): Promise<MigrateResult> {
  const migrations = readMigrations(migrationsDir)
  const result = await sql.withConnection(async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      return await applyPending(connection, migrations)
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
    }
  })
  if (result.applied.length > 0) await sql.afterSchemaChange?.()
  return result
}

async function applyPending(connection: SqlConnection, migrations: MigrationFile[]): Promise<MigrateResult> {
  await connection.exec(CREATE_MIGRATIONS_TABLE)
  const rows = await connection.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
  )
  const done = new Map(
    rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row]),
  )
  const failed = rows.filter((row) => !row.finished_at && !row.rolled_back_at)
  if (failed.length > 0) {
    throw new Error(
      `The database records failed migrations (${failed.map((row) => row.migration_name).join(', ')}), ` +
        'left by another tool. Resolve them with `prisma migrate resolve` before starting.',
    )
  }

  const warnings: string[] = []
  const known = new Set(migrations.map((migration) => migration.name))
  for (const row of done.values()) {
    if (!known.has(row.migration_name)) {
      warnings.push(`Migration ${row.migration_name} is applied but not in this code base.`)
    }
  }

  const applied: string[] = []
  for (const migration of migrations) {
    const row = done.get(migration.name)
    if (row) {
      if (row.checksum !== migration.checksum) {
        warnings.push(`Migration ${migration.name} was changed after it was applied.`)
      }
      continue
    }
    await connection.exec('BEGIN')
    try {
      await connection.exec(migration.sql)
      await connection.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      )
      await connection.exec('COMMIT')
    } catch (error) {
      await connection.exec('ROLLBACK').catch(() => {})
      throw new MigrationError(migration.name, migration.file, error)
    }
    applied.push(migration.name)
  }
  return { applied, warnings }
}

/** The newest applied migration, for health checks. */
export async function latestAppliedMigration(sql: SqlRunner): Promise<string | null> {
  const rows = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
     ORDER BY migration_name DESC LIMIT 1`,
  )
  return rows[0]?.migration_name ?? null
}
