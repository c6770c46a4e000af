import type { Prisma } from '@kundnav/db'
import { ZOrderQueueInput, ZOrderReasonInput, ZOrderVersionInput } from '@kundnav/schemas'
import { z } from 'zod'
import { keysetAfter, keysetPage } from '../services/keyset.ts'
import { decideStep } from '../services/order-actions.ts'
import { chainActorOf } from '../services/order-chain.ts'
import {
  orderListFilters,
  orderMoved,
  orderRows,
  ZOrderListFilters,
  ZOrderMoved,
  ZOrderRow,
} from '../services/order-view.ts'
import { providerProcedure, router } from '../trpc.ts'

/** The provider's review ("Granska beställningar"): the queue, and approving or rejecting. */
export const reviewRouter = router({
  /** Orders waiting for the provider's review, the longest waiting first; filter by offering and organisation. */
  queue: providerProcedure('provider.review')
    .input(ZOrderQueueInput)
    .output(
      z.object({
        items: z.array(ZOrderRow),
        nextCursor: z.object({ stateSince: z.date(), id: z.string() }).nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.order.findMany({
        where: {
          ...(input.waiting ? { state: 'PROVIDER_REVIEW' } : {}),
          ...(input.status ? { status: input.status } : {}),
          ...(input.offeringId ? { offeringId: input.offeringId } : {}),
          ...(input.organizationId ? { organizationId: input.organizationId } : {}),
          ...keysetAfter<Prisma.OrderWhereInput>(
            'stateSince',
            input.cursor && { key: input.cursor.stateSince, id: input.cursor.id },
            'asc',
          ),
        },
        include: { offering: { include: { service: true } } },
        orderBy: [{ stateSince: 'asc' }, { id: 'asc' }],
        take: input.limit + 1,
      })
      const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({
        stateSince: last.stateSince,
        id: last.id,
      }))
      return { items: await orderRows(ctx.db.prisma, page), nextCursor }
    }),

  /** The offerings and organisations among all orders, for the queue's filters. */
  filters: providerProcedure('provider.review')
    .output(ZOrderListFilters)
    .query(({ ctx }) => orderListFilters(ctx.db.prisma, {})),

  /** "Godkänn": the order is complete; its orderer and its agent are told. */
  approve: providerProcedure('provider.review')
    .input(ZOrderVersionInput)
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const actor = await chainActorOf(ctx.db.prisma, ctx.actor)
      const after = await decideStep(ctx.db, ctx.settings, actor, 'APPROVE', input)
      return orderMoved(after)
    }),

  /** "Avslå" with a reason. */
  reject: providerProcedure('provider.review')
    .input(ZOrderReasonInput)
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const actor = await chainActorOf(ctx.db.prisma, ctx.actor)
      const after = await decideStep(ctx.db, ctx.settings, actor, 'REJECT', input)
      return orderMoved(after)
    }),
})
