import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from './client.ts'
import { latestAppliedMigration, MigrationError, migrate } from './migrator.ts'
import { createEmptyTestDb } from './testing/test-db.ts'

let db: Db
let dir: string

function addMigration(name: string, sql: string) {
  mkdirSync(join(dir, name), { recursive: true })
  writeFileSync(join(dir, name, 'migration.sql'), sql)
}

async function tableNames(): Promise<string[]> {
  const rows = await db.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  )
  return rows.map((row) => row.table_name)
}

beforeEach(async () => {
  db = await createEmptyTestDb()
  dir = mkdtempSync(join(tmpdir(), 'kundnav-migrations-'))
})

afterEach(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('migrator', () => {
  it('applies migrations in name order, each with a _prisma_migrations row as prisma migrate deploy writes it', async () => {
    addMigration('20260102000000_second', 'ALTER TABLE "a" ADD COLUMN "b" TEXT;')
    addMigration('20260101000000_first', 'CREATE TABLE "a" ("id" INT PRIMARY KEY);')

    const result = await migrate(db.sql, dir)

    expect(result.applied).toEqual(['20260101000000_first', '20260102000000_second'])
    const rows = await db.sql.query<{
      migration_name: string
      checksum: string
      finished_at: Date | null
      applied_steps_count: number
    }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at',
    )
    expect(rows.map((row) => row.migration_name)).toEqual(['20260101000000_first', '20260102000000_second'])
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/)
      expect(row.finished_at).not.toBeNull()
      expect(row.applied_steps_count).toBe(1)
    }
    expect(await latestAppliedMigration(db.sql)).toBe('20260102000000_second')
  })

  it('is idempotent: a second run applies nothing and only the new migration after that', async () => {
    addMigration('20260101000000_first', 'CREATE TABLE "a" ("id" INT PRIMARY KEY);')
    await migrate(db.sql, dir)
    expect((await migrate(db.sql, dir)).applied).toEqual([])

    addMigration('20260103000000_third', 'CREATE TABLE "c" ("id" INT PRIMARY KEY);')
    expect((await migrate(db.sql, dir)).applied).toEqual(['20260103000000_third'])
    expect(await tableNames()).toEqual(['_prisma_migrations', 'a', 'c'])
  })

  it('refuses a broken migration naming its file, and leaves the database as it was', async () => {
    addMigration('20260101000000_first', 'CREATE TABLE "a" ("id" INT PRIMARY KEY);')
    await migrate(db.sql, dir)
    // The first statement would succeed on its own; the whole migration must still roll back.
    addMigration(
      '20260102000000_broken',
      'CREATE TABLE "b" ("id" INT);\nALTER TABLE "nope" ADD COLUMN "x" INT;',
    )

    const failure = await migrate(db.sql, dir).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(MigrationError)
    expect((failure as Error).message).toContain(join('20260102000000_broken', 'migration.sql'))
    expect((failure as Error).message).toMatch(/nope/)
    expect(await tableNames()).toEqual(['_prisma_migrations', 'a'])
    const names = await db.sql.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations"',
    )
    expect(names.map((row) => row.migration_name)).toEqual(['20260101000000_first'])

    // Once the file is fixed, the next start applies it: no "failed" row blocks it.
    addMigration('20260102000000_broken', 'CREATE TABLE "b" ("id" INT);')
    expect((await migrate(db.sql, dir)).applied).toEqual(['20260102000000_broken'])
  })

  it('refuses to make usernames and e-mail addresses one namespace while two accounts clash, naming them', async () => {
    const { migrationsDir } = await import('./paths.ts')
    const migrations = readdirSync(migrationsDir).filter((name) => /^\d{14}_/.test(name))
    const namespace = migrations.find((name) => name.endsWith('_account_namespace_and_invitations'))
    if (!namespace) throw new Error('migration not found')
    for (const name of migrations.filter((name) => name < namespace)) {
      cpSync(join(migrationsDir, name), join(dir, name), { recursive: true })
    }
    await migrate(db.sql, dir)
    await db.sql.query(
      `INSERT INTO "User" (id, username, email, name, "updatedAt") VALUES
        (gen_random_uuid(), 'kalle@a.example', 'kalle@b.example', 'Kalle', now()),
        (gen_random_uuid(), 'olle', 'kalle@a.example', 'Olle', now())`,
    )
    cpSync(join(migrationsDir, namespace), join(dir, namespace), { recursive: true })

    const failure = await migrate(db.sql, dir).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(MigrationError)
    expect((failure as Error).message).toMatch(/must not clash.*kalle@a\.example/s)

    // Once one of the two is changed, the migration applies.
    await db.sql.query(`UPDATE "User" SET email = 'olle@a.example' WHERE username = 'olle'`)
    expect((await migrate(db.sql, dir)).applied).toEqual([namespace])
  })

  it('applies the real migrations of the repository to an empty database', async () => {
    const { migrationsDir } = await import('./paths.ts')
    const result = await migrate(db.sql, migrationsDir)
    expect(result.applied.length).toBeGreaterThan(0)
    expect(await tableNames()).toEqual(
      expect.arrayContaining(['Organization', 'User', 'Membership', 'OutboxMessage']),
    )
  })
})
