import { readFileSync } from 'node:fs'
import { inject } from 'vitest'
import { createDb, type Db } from '../client.ts'
import { createPostgresDatabase } from './postgres.ts'
import './provided-context.ts'

/**
 * A fresh, migrated database for one test file: a copy of the run's template, on PostgreSQL when
 * DATABASE_URL is set and on in-memory PGlite otherwise. `close()` also drops it.
 */
export async function createTestDb(): Promise<Db> {
  const baseUrl = process.env.DATABASE_URL
  const template = inject('postgresTemplate')
  if (baseUrl && template) {
    const database = await createPostgresDatabase(baseUrl, { template })
    const db = await createDb({ databaseUrl: database.url, poolSize: 5 })
    return {
      ...db,
      async close() {
        await db.close()
        await database.drop()
      },
    }
  }
  const file = inject('pgliteTemplateFile')
  if (!file)
    throw new Error('No test database template: add @kundnav/db/testing/vitest to the Vitest config.')
  return createDb({ pgliteLoad: new Blob([readFileSync(file)]) })
}

/** An empty database with no migrations applied (for testing the migrator itself). */
export async function createEmptyTestDb(): Promise<Db> {
  const baseUrl = process.env.DATABASE_URL
  if (!baseUrl) return createDb()
  const database = await createPostgresDatabase(baseUrl)
  const db = await createDb({ databaseUrl: database.url, poolSize: 2 })
  return {
    ...db,
    async close() {
      await db.close()
      await database.drop()
    },
  }
}
