import type { Prisma, PrismaClient, Role } from '@kundnav/db'

type Tx = Prisma.TransactionClient | PrismaClient

export interface AuditEntry {
  organizationId: string | null
  actorUserId: string | null
  actorRole: Role | null
  action: string
  targetType?: string
  targetId?: string
  data?: Prisma.InputJsonValue
}

/** Appends one audit event, in the caller's transaction. */
export async function recordAudit(db: Tx, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      organizationId: entry.organizationId,
      actorUserId: entry.actorUserId,
      actorRole: entry.actorRole,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ...(entry.data === undefined ? {} : { data: entry.data }),
    },
  })
}
