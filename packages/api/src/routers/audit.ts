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
      const rows = await ctx.db.prisma.auditEvent.findMany({
        where: {
          organizationId: ctx.organizationId,
          ...(input.actorUserId ? { actorUserId: input.actorUserId } : {}),
          ...(input.action ? { action: { startsWith: input.action } } : {}),
          ...(input.from || input.to
            ? {
                createdAt: {
                  ...(input.from ? { gte: input.from } : {}),
                  ...(input.to ? { lt: input.to } : {}),
                },
              }
            : {}),
          ...(input.cursor
            ? {
                OR: [
                  { createdAt: { lt: input.cursor.createdAt } },
                  { createdAt: input.cursor.createdAt, id: { lt: input.cursor.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
      })
      const page = rows.slice(0, input.limit)
      const actorIds = [
        ...new Set(page.map((row) => row.actorUserId).filter((id): id is string => id !== null)),
      ]
      const actors = await ctx.db.prisma.user.findMany({
        where: { id: { in: actorIds } },
        select: { id: true, name: true },
      })
      const names = new Map(actors.map((actor) => [actor.id, actor.name]))
      const items = page.map((row) => ({
        id: row.id,
        createdAt: row.createdAt,
        action: row.action,
        actorUserId: row.actorUserId,
        actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
        actorRole: row.actorRole,
        targetType: row.targetType,
        targetId: row.targetId,
        data: row.data,
      }))
      const last = items.at(-1)
      return {
        items,
        nextCursor: rows.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
      }
    }),
})
