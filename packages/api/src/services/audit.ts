import { type AuditEventInput, appendAuditEvent, type Prisma, type PrismaClient } from '@kundnav/db'

type Tx = Prisma.TransactionClient | PrismaClient

export type AuditEntry = AuditEventInput

/**
 * Appends one audit event to its organisation's hash chain (or the chain of events of no organisation),
 * in the caller's transaction: it commits or rolls back with the change it records. Given the client
 * rather than a transaction, it runs in a transaction of its own. The database refuses to change or
 * delete audit events; `pnpm audit:verify` checks the chains (docs/decisions/0008-audit-chain.md).
 */
export async function recordAudit(db: Tx, entry: AuditEntry): Promise<void> {
  await appendAuditEvent(db, entry)
}
