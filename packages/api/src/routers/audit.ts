import type { Db } from '@kundnav/db'
import { ZAuditListInput } from '@kundnav/schemas'
import { z } from 'zod'
import { memberProcedure, router } from '../trpc.ts'

const ZAuditRow = z.object({
  id: z.string(),
  createdAt: z.date(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.unknown(),
})

/** The organisation's audit log, newest first, for its administrators. */
export const auditRouter = router({
  list: memberProcedure('audit.read')
    .input(ZAuditListInput)
    .output(
      z.object({
        items: z.array(ZAuditRow),
        nextCursor: z.object({ createdAt: z.date(), id: z.string() }).nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await readAuditPage(ctx.db, ctx.organizationId, input)
      const items = rows.slice(0, input.limit)
      const last = items.at(-1)
      return {
        items,
        nextCursor: rows.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
      }
    }),
})

type AuditRow = z.infer<typeof ZAuditRow>
type AuditListInput = z.output<typeof ZAuditListInput>

/** `LIKE` pattern for "starts with": the typed prefix is matched literally, `%` and `_` included. */
function startsWithPattern(prefix: string): string {
  return `${prefix.replaceAll(/[\\%_]/g, (character) => `\\${character}`)}%`
}

/**
 * One page (and one row more, to know whether another follows) of an organisation's audit log, newest first,
 * with each actor's name: one statement, answered from the index on (organizationId, createdAt, id). It goes
 * to the driver, not Prisma: the names need a join Prisma cannot express without a foreign key from audit
 * rows to people (which must not exist: an audit row outlives its actor), and this is the portal's largest
 * list (issue 8, P1).
 */
function readAuditPage(db: Db, organizationId: string, input: AuditListInput): Promise<AuditRow[]> {
  const params: unknown[] = [organizationId]
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  const conditions = ['e."organizationId" = $1']
  if (input.actorUserId) conditions.push(`e."actorUserId" = ${param(input.actorUserId)}`)
  if (input.action) conditions.push(`e.action LIKE ${param(startsWithPattern(input.action))}`)
  if (input.from) conditions.push(`e."createdAt" >= ${param(input.from)}::timestamptz`)
  if (input.to) conditions.push(`e."createdAt" < ${param(input.to)}::timestamptz`)
  if (input.cursor) {
    conditions.push(
      `(e."createdAt", e.id) < (${param(input.cursor.createdAt)}::timestamptz, ${param(input.cursor.id)}::uuid)`,
    )
  }
  return db.sql.query<AuditRow>(
    `SELECT e.id, e."createdAt", e.action, e."actorUserId", u.name AS "actorName", e."actorRole"::text AS "actorRole",
            e."targetType", e."targetId", e.data
       FROM "AuditEvent" e
       LEFT JOIN "User" u ON u.id = e."actorUserId"
      WHERE ${conditions.join(' AND ')}
      ORDER BY e."createdAt" DESC, e.id DESC
      LIMIT ${param(input.limit + 1)}`,
    params,
  )
}
