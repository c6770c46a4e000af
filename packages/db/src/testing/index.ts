export { createPostgresDatabase, type TestDatabase, withDatabase } from './postgres.ts'
export { createEmptyTestDb, createTestDb } from './test-db.ts'
export { databaseTestConfig } from './vitest.ts'
