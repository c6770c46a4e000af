import type { Prisma } from '@kundnav/db'
import { ZDevMailboxListInput } from '@kundnav/schemas'
import { z } from 'zod'
import { keysetAfter, keysetPage } from '../services/keyset.ts'
import { demoProcedure, router } from '../trpc.ts'

const ZMailboxMessage = z.object({
  id: z.string(),
  channel: z.enum(['EMAIL', 'SMS']),
  recipient: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
})

export const devMailboxRouter = router({
  /** Messages the worker delivered to the development mailbox, newest first, keyset-paginated. */
  list: demoProcedure
    .input(ZDevMailboxListInput)
    .output(
      z.object({
        items: z.array(ZMailboxMessage),
        nextCursor: z.object({ sentAt: z.date(), id: z.string() }).nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.outboxMessage.findMany({
        where: {
          deliveredVia: 'mailbox',
          ...(input.recipient ? { recipient: { contains: input.recipient } } : {}),
          ...keysetAfter<Prisma.OutboxMessageWhereInput>(
            'sentAt',
            input.cursor && { key: input.cursor.sentAt, id: input.cursor.id },
          ),
        },
        orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
        select: {
          id: true,
          channel: true,
          recipient: true,
          subject: true,
          text: true,
          sentAt: true,
          createdAt: true,
        },
      })
      const { page, nextCursor } = keysetPage(rows, input.limit, (last) =>
        last.sentAt ? { sentAt: last.sentAt, id: last.id } : null,
      )
      return { items: page, nextCursor }
    }),
})
