import { ZForwardOrderInput, ZOrderQueueInput, ZOrderReasonInput } from '@kundnav/schemas'
import { z } from 'zod'
import { decideStep, forwardAsAgent } from '../services/order-actions.ts'
import { chainActorOf } from '../services/order-chain.ts'
import {
  orderListFilters,
  orderMoved,
  orderQueuePage,
  ZOrderListFilters,
  ZOrderMoved,
  ZOrderQueuePage,
} from '../services/order-view.ts'
import { attestersOf, invoiceAddressesOf } from '../services/orders.ts'
import { agentProcedure, router } from '../trpc.ts'

/**
 * "Agentuppdrag" → "Hantera beställningar" (seed 004 step 4): the orders that name the agent, and the
 * agent's review of them. Every procedure reaches only orders naming the caller's organisation.
 */
export const agentOrderRouter = router({
  /** Orders naming the agent: by default those waiting for it, the longest waiting first. */
  list: agentProcedure('agentAssignment.handle')
    .input(ZOrderQueueInput)
    .output(ZOrderQueuePage)
    .query(({ ctx, input }) =>
      orderQueuePage(ctx.db.prisma, { agentOrganizationId: ctx.organizationId }, 'AGENT_REVIEW', input),
    ),

  /** The offerings and customers among the orders naming the agent, for the list's filters. */
  filters: agentProcedure('agentAssignment.handle')
    .output(ZOrderListFilters)
    .query(({ ctx }) => orderListFilters(ctx.db.prisma, { agentOrganizationId: ctx.organizationId })),

  /** The agent's attestants, to choose from when forwarding. */
  attesters: agentProcedure('agentAssignment.handle')
    .output(z.array(z.object({ userId: z.string(), name: z.string() })))
    .query(({ ctx }) => attestersOf(ctx.db.prisma, ctx.organizationId)),

  /** The agent's own invoice addresses. */
  invoiceAddresses: agentProcedure('agentAssignment.handle')
    .output(
      z.array(
        z.object({
          id: z.string(),
          addressLine: z.string(),
          postalCode: z.string(),
          city: z.string(),
          reference: z.string(),
        }),
      ),
    )
    .query(({ ctx }) => invoiceAddressesOf(ctx.db.prisma, ctx.organizationId)),

  /** Goes on: the agent's questions, invoice address and attestant; the attestant is mailed a link. */
  forward: agentProcedure('agentAssignment.handle')
    .input(ZForwardOrderInput)
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const after = await forwardAsAgent(
        ctx.db,
        ctx.settings,
        await chainActorOf(ctx.db.prisma, ctx.actor),
        input,
      )
      return orderMoved(after)
    }),

  /** Rejects with a reason: the order ends, and its orderer is told why. */
  reject: agentProcedure('agentAssignment.handle')
    .input(ZOrderReasonInput)
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const actor = await chainActorOf(ctx.db.prisma, ctx.actor)
      const after = await decideStep(ctx.db, ctx.settings, actor, 'REJECT', input)
      return orderMoved(after)
    }),
})
