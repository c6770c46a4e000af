import type { Prisma, Role } from '@kundnav/db'
import {
  can,
  WIZARD_STEPS,
  ZAttestOrderInput,
  ZChangeAttesterInput,
  ZDraftAnswers,
  ZDraftIdInput,
  ZOrderIdInput,
  ZOrderListInput,
  ZOrderReasonInput,
  ZSaveDraftInput,
  ZStartAttestationInput,
  ZStartDraftInput,
  ZStepUpSent,
  ZSubmitOrderInput,
  zDate,
} from '@kundnav/schemas'
import { z } from 'zod'
import type { Context, SessionActor } from '../context.ts'
import { AppError } from '../errors.ts'
import { orderableOffering } from '../services/catalogue.ts'
import { keysetAfter, keysetPage } from '../services/keyset.ts'
import {
  attestOrder,
  changeAttester,
  decideStep,
  startAttestation,
  withdrawOrder,
} from '../services/order-actions.ts'
import { chainActorOf, visibleOrder } from '../services/order-chain.ts'
import {
  orderMoved,
  orderRows,
  orderView,
  type Viewer,
  ZOrderMoved,
  ZOrderRow,
  ZOrderView,
} from '../services/order-view.ts'
import {
  attestersOf,
  draftAnswers,
  invoiceAddressesOf,
  type Orderer,
  orderAgain,
  ownDraft,
  submitOrder,
} from '../services/orders.ts'
import { memberProcedure, partyProcedure, router } from '../trpc.ts'

const ZLocalText = z.object({ sv: z.string(), en: z.string() })

const ordererOf = (ctx: { organizationId: string; role: Role; actor: { userId: string } }): Orderer => ({
  organizationId: ctx.organizationId,
  userId: ctx.actor.userId,
  role: ctx.role,
})
const ZStep = z.enum(WIZARD_STEPS)

/** "Dina utkast": a person's own unfinished orders, saved at every step of the wizard. */
export const orderDraftRouter = router({
  list: memberProcedure('order.create')
    .input(
      z.object({
        cursor: z.object({ updatedAt: zDate(), id: z.uuid() }).optional(),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            offeringId: z.string(),
            offeringName: ZLocalText,
            serviceName: ZLocalText,
            step: ZStep,
            updatedAt: z.date(),
          }),
        ),
        nextCursor: z.object({ updatedAt: z.date(), id: z.string() }).nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.orderDraft.findMany({
        where: {
          organizationId: ctx.organizationId,
          createdByUserId: ctx.actor.userId,
          ...keysetAfter<Prisma.OrderDraftWhereInput>(
            'updatedAt',
            input.cursor && { key: input.cursor.updatedAt, id: input.cursor.id },
          ),
        },
        include: { offering: { include: { service: true } } },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
      })
      const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({
        updatedAt: last.updatedAt,
        id: last.id,
      }))
      const items = page.map((draft) => ({
        id: draft.id,
        offeringId: draft.offeringId,
        offeringName: { sv: draft.offering.nameSv, en: draft.offering.nameEn },
        serviceName: { sv: draft.offering.service.nameSv, en: draft.offering.service.nameEn },
        step: ZStep.catch('fields').parse(draft.step),
        updatedAt: draft.updatedAt,
      }))
      return { items, nextCursor }
    }),

  /** Starts an order of an offering: a draft at its first step. */
  start: memberProcedure('order.create')
    .input(ZStartDraftInput)
    .output(z.object({ draftId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const offering = await orderableOffering(ctx.db.prisma, ctx.organizationId, input.offeringId)
      const draft = await ctx.db.prisma.orderDraft.create({
        data: {
          organizationId: ctx.organizationId,
          createdByUserId: ctx.actor.userId,
          offeringId: offering.id,
          answers: {},
          step: 'fields',
        },
      })
      return { draftId: draft.id }
    }),

  get: memberProcedure('order.create')
    .input(ZDraftIdInput)
    .output(
      z.object({
        id: z.string(),
        offeringId: z.string(),
        step: ZStep,
        answers: ZDraftAnswers,
        updatedAt: z.date(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const draft = await ownDraft(ctx.db.prisma, ordererOf(ctx), input.draftId)
      return {
        id: draft.id,
        offeringId: draft.offeringId,
        step: ZStep.catch('fields').parse(draft.step),
        answers: draftAnswers(draft.answers),
        updatedAt: draft.updatedAt,
      }
    }),

  /** Saves the answers so far and the step reached ("Fortsätt", "Tillbaka", leaving the wizard). */
  save: memberProcedure('order.create')
    .input(ZSaveDraftInput)
    .output(z.object({ updatedAt: z.date() }))
    .mutation(async ({ ctx, input }) => {
      const saved = await ctx.db.prisma.orderDraft.updateManyAndReturn({
        where: { id: input.draftId, organizationId: ctx.organizationId, createdByUserId: ctx.actor.userId },
        data: { step: input.step, answers: input.answers },
        select: { updatedAt: true },
      })
      const [draft] = saved
      if (!draft) throw new AppError('NOT_FOUND', 'DRAFT_NOT_FOUND', 'Utkastet finns inte längre.')
      return { updatedAt: draft.updatedAt }
    }),

  delete: memberProcedure('order.create')
    .input(ZDraftIdInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.prisma.orderDraft.deleteMany({
        where: { id: input.draftId, organizationId: ctx.organizationId, createdByUserId: ctx.actor.userId },
      })
      if (count === 0) throw new AppError('NOT_FOUND', 'DRAFT_NOT_FOUND', 'Utkastet finns inte längre.')
      return { deleted: true as const }
    }),
})

const ZInvoiceAddress = z.object({
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  reference: z.string(),
})

/** The viewer of an order page: who acts, and whether they order for the ordering or the agent's organisation. */
async function viewerOf(
  ctx: Context & { actor: SessionActor },
  order: { organizationId: string; agentOrganizationId: string | null },
): Promise<Viewer> {
  const actor = await chainActorOf(ctx.db.prisma, ctx.actor)
  const orders = can(ctx.actor.role, 'order.create')
  return {
    actor,
    ordersForOrganization: orders && actor.organizationId === order.organizationId,
    ordersForAgent: orders && actor.organizationId === order.agentOrganizationId,
  }
}

/** Ordering: who may attest, invoice addresses, submitting, "Mina beställningar", and the order's own page. */
export const orderRouter = router({
  attesters: memberProcedure('order.create')
    .output(z.array(z.object({ userId: z.string(), name: z.string() })))
    .query(({ ctx }) => attestersOf(ctx.db.prisma, ctx.organizationId)),

  invoiceAddresses: memberProcedure('order.create')
    .output(z.array(ZInvoiceAddress.extend({ id: z.string() })))
    .query(({ ctx }) => invoiceAddressesOf(ctx.db.prisma, ctx.organizationId)),

  submit: memberProcedure('order.create')
    .input(ZSubmitOrderInput)
    .output(z.object({ orderId: z.string(), number: z.string() }))
    .mutation(({ ctx, input }) =>
      submitOrder(ctx.db, ctx.settings, { ...ordererOf(ctx), sessionId: ctx.actor.sessionId }, input),
    ),

  /** "Mina beställningar": the organisation's own orders, newest first, each saying who acts next. */
  list: memberProcedure('order.read')
    .input(ZOrderListInput)
    .output(
      z.object({
        items: z.array(ZOrderRow),
        nextCursor: z.object({ submittedAt: z.date(), id: z.string() }).nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.order.findMany({
        where: {
          organizationId: ctx.organizationId,
          ...(input.status ? { status: input.status } : {}),
          ...keysetAfter<Prisma.OrderWhereInput>(
            'submittedAt',
            input.cursor && { key: input.cursor.submittedAt, id: input.cursor.id },
          ),
        },
        include: { offering: { include: { service: true } } },
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
      })
      const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({
        submittedAt: last.submittedAt,
        id: last.id,
      }))
      return { items: await orderRows(ctx.db.prisma, page), nextCursor }
    }),

  /**
   * One order: for its organisation, for the agent it names and for the provider's reviewers (`orderScope`),
   * with its chain, timeline and what the viewer may do.
   */
  get: partyProcedure('order.read')
    .input(ZOrderIdInput)
    .output(ZOrderView)
    .query(async ({ ctx, input }) => {
      const order = await visibleOrder(ctx.db.prisma, ctx.actor, input.orderId)
      return orderView(ctx.db.prisma, ctx.settings, order, await viewerOf(ctx, order))
    }),

  /** "Attestera": sends a code bound to exactly what the page showed (its content hash). */
  startAttestation: memberProcedure('order.attest')
    .input(ZStartAttestationInput)
    .output(ZStepUpSent)
    .mutation(async ({ ctx, input }) =>
      startAttestation(ctx.db, ctx.settings, await chainActorOf(ctx.db.prisma, ctx.actor), input),
    ),

  /** The code: attests the order and moves it on, in one transaction. */
  attest: memberProcedure('order.attest')
    .input(ZAttestOrderInput)
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const after = await attestOrder(
        ctx.db,
        ctx.settings,
        await chainActorOf(ctx.db.prisma, ctx.actor),
        input,
      )
      return orderMoved(after)
    }),

  /** "Avbryt" by the attestant, with a reason: the order ends. */
  cancel: memberProcedure('order.attest')
    .input(ZOrderReasonInput)
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const after = await decideStep(
        ctx.db,
        ctx.settings,
        await chainActorOf(ctx.db.prisma, ctx.actor),
        'CANCEL',
        input,
      )
      return orderMoved(after)
    }),

  /** "Återkalla" by the ordering organisation's orderer, until the first attestation. */
  withdraw: memberProcedure('order.create')
    .input(ZOrderReasonInput)
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const after = await withdrawOrder(
        ctx.db,
        ctx.settings,
        await chainActorOf(ctx.db.prisma, ctx.actor),
        input,
      )
      return orderMoved(after)
    }),

  /** Another attestant for a waiting attestation whose attestant has left (the orderer of that party). */
  changeAttester: memberProcedure('order.create')
    .input(ZChangeAttesterInput)
    .output(ZOrderMoved)
    .mutation(async ({ ctx, input }) => {
      const after = await changeAttester(
        ctx.db,
        ctx.settings,
        await chainActorOf(ctx.db.prisma, ctx.actor),
        input,
      )
      return orderMoved(after)
    }),

  /** "Beställ igen": a new draft with the ended order's answers, for the orderer to check and send. */
  orderAgain: memberProcedure('order.create')
    .input(ZOrderIdInput)
    .output(z.object({ draftId: z.string() }))
    .mutation(({ ctx, input }) => orderAgain(ctx.db, ordererOf(ctx), input.orderId)),
})
