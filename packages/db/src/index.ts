export {
  type AuditChainBreak,
  type AuditChainReport,
  type AuditEventFields,
  type AuditEventInput,
  appendAuditEvent,
  auditEventContent,
  describeAuditChainBreak,
  uuidV7,
  verifyAuditChains,
} from './audit-chain.ts'
export { canonicalJson, contentHash } from './canonical-hash.ts'
export { type CreateDbOptions, createDb, type Db, type DbEngine } from './client.ts'
export * from './factories.ts'
export * from './generated/prisma/client.ts'
export { latestAppliedMigration, MigrationError, migrate, readMigrations } from './migrator.ts'
export { formatNumber, nextNumber, stockholmYear } from './numbers.ts'
export * from './outbox.ts'
export { hashPassword, verifyPassword } from './password.ts'
export { migrationsDir, repoRoot } from './paths.ts'
export { type SeedResult, seedDemo } from './seed/demo.ts'
export { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PEOPLE } from './seed/demo-data.ts'
export type { SqlConnection, SqlRunner } from './sql-runner.ts'
