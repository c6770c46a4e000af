import type { Prisma, Role } from '@kundnav/db'
import {
  WIZARD_STEPS,
  ZDraftAnswers,
  ZDraftIdInput,
  ZOrderIdInput,
  ZOrderListInput,
  ZSaveDraftInput,
  ZStartDraftInput,
  ZSubmitOrderInput,
  zDate,
} from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { orderableOffering, sourceLabels } from '../services/catalogue.ts'
import { keysetAfter, keysetPage } from '../services/keyset.ts'
import { attestersOf, draftAnswers, type Orderer, ownDraft, submitOrder } from '../services/orders.ts'
import { memberProcedure, router } from '../trpc.ts'

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

const ZOrderRow = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(['SUBMITTED']),
  offeringName: ZLocalText,
  serviceName: ZLocalText,
  quantity: z.number().int(),
  submittedAt: z.date(),
  submittedByName: z.string().nullable(),
})

/** Ordering: who may attest, the organisation's invoice addresses, submitting, and "Mina beställningar". */
export const orderRouter = router({
  attesters: memberProcedure('order.create')
    .output(z.array(z.object({ userId: z.string(), name: z.string() })))
    .query(({ ctx }) => attestersOf(ctx.db.prisma, ctx.organizationId)),

  invoiceAddresses: memberProcedure('order.create')
    .output(z.array(ZInvoiceAddress.extend({ id: z.string() })))
    .query(({ ctx }) =>
      ctx.db.prisma.invoiceAddress.findMany({
        where: { organizationId: ctx.organizationId },
        select: { id: true, addressLine: true, postalCode: true, city: true, reference: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 100,
      }),
    ),

  submit: memberProcedure('order.create')
    .input(ZSubmitOrderInput)
    .output(z.object({ orderId: z.string(), number: z.string() }))
    .mutation(({ ctx, input }) => submitOrder(ctx.db, ordererOf(ctx), input)),

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
      const people = await ctx.db.prisma.user.findMany({
        where: { id: { in: [...new Set(page.map((order) => order.submittedByUserId))] } },
        select: { id: true, name: true },
      })
      const names = new Map(people.map((person) => [person.id, person.name]))
      const items = page.map((order) => ({
        id: order.id,
        number: order.number,
        status: order.status,
        offeringName: { sv: order.offering.nameSv, en: order.offering.nameEn },
        serviceName: { sv: order.offering.service.nameSv, en: order.offering.service.nameEn },
        quantity: order.quantity,
        submittedAt: order.submittedAt,
        submittedByName: names.get(order.submittedByUserId) ?? null,
      }))
      return { items, nextCursor }
    }),

  /** One order of the organisation, everything that was submitted. */
  get: memberProcedure('order.read')
    .input(ZOrderIdInput)
    .output(
      ZOrderRow.extend({
        offeringId: z.string(),
        offeringCode: z.string(),
        fields: z.record(z.string(), z.unknown()),
        /** The names of values chosen from lists the server answers (e.g. the agent), by field. */
        fieldLabels: z.record(z.string(), z.string()),
        attestations: z.array(z.object({ id: z.string(), text: ZLocalText })),
        invoiceAddress: ZInvoiceAddress,
        attesterName: z.string().nullable(),
        terms: z.object({ version: z.number().int(), textSv: z.string(), textEn: z.string() }),
        startupFeeOre: z.number().int(),
        monthlyFeeOre: z.number().int(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const order = await ctx.db.prisma.order.findFirst({
        where: { id: input.orderId, organizationId: ctx.organizationId },
        include: { offering: { include: { service: true } }, terms: true },
      })
      if (!order) throw new AppError('NOT_FOUND', 'ORDER_NOT_FOUND', 'Beställningen finns inte.')
      const people = await ctx.db.prisma.user.findMany({
        where: { id: { in: [order.submittedByUserId, order.attesterUserId] } },
        select: { id: true, name: true },
      })
      const names = new Map(people.map((person) => [person.id, person.name]))
      const fields = z.record(z.string(), z.unknown()).catch({}).parse(order.fields)
      return {
        id: order.id,
        number: order.number,
        status: order.status,
        offeringId: order.offeringId,
        offeringCode: order.offering.code,
        offeringName: { sv: order.offering.nameSv, en: order.offering.nameEn },
        serviceName: { sv: order.offering.service.nameSv, en: order.offering.service.nameEn },
        quantity: order.quantity,
        submittedAt: order.submittedAt,
        submittedByName: names.get(order.submittedByUserId) ?? null,
        attesterName: names.get(order.attesterUserId) ?? null,
        fields,
        fieldLabels: await sourceLabels(ctx.db.prisma, order.offering.code, fields),
        attestations: z
          .array(z.object({ id: z.string(), text: ZLocalText }))
          .catch([])
          .parse(order.attestations),
        invoiceAddress: ZInvoiceAddress.parse(order.invoiceAddress),
        terms: { version: order.terms.version, textSv: order.terms.textSv, textEn: order.terms.textEn },
        startupFeeOre: order.startupFeeOre,
        monthlyFeeOre: order.monthlyFeeOre,
      }
    }),
})
