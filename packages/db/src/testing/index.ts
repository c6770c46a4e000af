export {
  type CaseVolume,
  type CaseVolumeOptions,
  generateCases,
  myCasesCursor,
  VOLUME_PERSON,
} from './case-volume.ts'
export { createPostgresDatabase, type TestDatabase, withDatabase } from './postgres.ts'
export {
  type CapturedQuery,
  captureQueries,
  explainPlan,
  onPostgres,
  type PlanNode,
  planNodes,
} from './query-plans.ts'
export { createEmptyTestDb, createTestDb } from './test-db.ts'
export { databaseTestConfig } from './vitest.ts'
