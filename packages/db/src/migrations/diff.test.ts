import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationsDir, repoRoot } from '../paths.ts'
import { diffMigrations } from './diff.ts'

/**
 * The statements of a migration script, without its `-- Comment` lines and with runs of white space made
 * one space (the engine pads, e.g. `ADD COLUMN     "nickname"`).
 */
function statements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.replace(/\s+/g, ' ').trim())
    .filter((statement) => statement !== '')
    .map((statement) => `${statement};`)
}

describe('diffMigrations', () => {
  let dir: string
  let schemaPath: string
  let copiedMigrations: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kundnav-diff-'))
    schemaPath = join(dir, 'schema.prisma')
    copiedMigrations = join(dir, 'migrations')
    await cp(join(repoRoot, 'prisma/schema.prisma'), schemaPath)
    await cp(migrationsDir, copiedMigrations, { recursive: true })
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('finds nothing to do when the migrations match the schema', { timeout: 60_000 }, async () => {
    expect(await diffMigrations({ schemaPath, migrationsDir: copiedMigrations })).toBe('')
  })

  it('makes exactly the statement a new field needs', { timeout: 60_000 }, async () => {
    const schema = await readFile(schemaPath, 'utf8')
    const changed = schema.replace(/^model User \{\n/m, '$&  nickname String?\n')
    expect(changed).not.toBe(schema)
    await writeFile(schemaPath, changed)

    const sql = await diffMigrations({ schemaPath, migrationsDir: copiedMigrations })

    expect(statements(sql)).toEqual(['ALTER TABLE "User" ADD COLUMN "nickname" TEXT;'])
  })

  it('names a migration that fails on the shadow database', { timeout: 60_000 }, async () => {
    const broken = join(dir, 'broken-migrations')
    await cp(copiedMigrations, broken, { recursive: true })
    await mkdir(join(broken, '29991231235959_broken'))
    await writeFile(
      join(broken, '29991231235959_broken/migration.sql'),
      'ALTER TABLE "Nope" ADD COLUMN "x" TEXT;\n',
    )

    await expect(diffMigrations({ schemaPath, migrationsDir: broken })).rejects.toThrow(
      /29991231235959_broken.*failed to apply/,
    )
  })
})
