import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { createDb } from '../client.ts'
import { migrate } from '../migrator.ts'
import { migrationsDir } from '../paths.ts'
import { createPostgresDatabase } from './postgres.ts'
import './provided-context.ts'

/** Builds one migrated database per test run; each test file then gets a fresh copy (see test-db.ts). */
export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL
  if (baseUrl) {
    const template = await createPostgresDatabase(baseUrl, { prefix: 'kundnav_template' })
    const db = await createDb({ databaseUrl: template.url, poolSize: 1 })
    try {
      await migrate(db.sql, migrationsDir)
    } finally {
      await db.close()
    }
    project.provide('postgresTemplate', template.name)
    project.provide('pgliteTemplateFile', null)
    return () => template.drop()
  }

  const folder = mkdtempSync(join(tmpdir(), 'kundnav-template-'))
  const db = await createDb()
  try {
    await migrate(db.sql, migrationsDir)
    if (!db.pglite) throw new Error('expected the embedded database')
    const dump = await db.pglite.dumpDataDir('none')
    const file = join(folder, 'template.tar')
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
    project.provide('postgresTemplate', null)
    project.provide('pgliteTemplateFile', file)
  } finally {
    await db.close()
  }
  return () => rmSync(folder, { recursive: true, force: true })
}
