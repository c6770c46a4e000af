import { ZOrderQueueInput, ZOrderReasonInput, ZOrderVersionInput } from '@kundnav/schemas'
import { decideStep } from '../services/order-actions.ts'
import { chainActorOf } from '../services/order-chain.ts'
import {
  orderListFilters,
  orderMoved,
  orderQueuePage,
  ZOrderListFilters,
  ZOrderMoved,
  ZOrderQueuePage,
} from '../services/order-view.ts'
import { providerProcedure, router } from '../trpc.ts'

/** The provider's review ("Granska beställningar"): the queue, and approving or rejecting. */
export const reviewRouter = router({
  /** Orders waiting for the provider's review, the longest waiting first; filter by offering and organisation. */
  queue: providerProcedure('provider.review')
    .input(ZOrderQueueInput)
    .output(ZOrderQueuePage)
    .query(({ ctx, input }) => orderQueuePage(ctx.db.prisma, {}, 'PROVIDER_REVIEW', input)),

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
