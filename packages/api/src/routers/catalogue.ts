import { ZOfferingIdInput, ZPublishTermsInput, ZSetOfferingPriceInput } from '@kundnav/schemas'
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { recordAudit } from '../services/audit.ts'
import { currentTerms, orderableOffering, orderableOfferings, sourceOptions } from '../services/catalogue.ts'
import { ordersInProgress } from '../services/orders.ts'
import { memberProcedure, providerProcedure, router } from '../trpc.ts'

const ZLocalText = z.object({ sv: z.string(), en: z.string() })

const ZOfferingSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: ZLocalText,
  description: ZLocalText,
  viaAgent: z.boolean(),
  startupFeeOre: z.number().int(),
  monthlyFeeOre: z.number().int(),
})

const summary = (offering: Awaited<ReturnType<typeof orderableOfferings>>[number]) => ({
  id: offering.id,
  code: offering.code,
  name: { sv: offering.nameSv, en: offering.nameEn },
  description: { sv: offering.descriptionSv, en: offering.descriptionEn },
  viaAgent: offering.viaAgent,
  startupFeeOre: offering.startupFeeOre,
  monthlyFeeOre: offering.monthlyFeeOre,
})

const ZTerms = z.object({ version: z.number().int(), textSv: z.string(), textEn: z.string() })

/** "Beställ": the catalogue as the ordering organisation sees it, and its upkeep by provider staff. */
export const catalogueRouter = router({
  list: memberProcedure('order.create')
    .output(
      z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          name: ZLocalText,
          description: ZLocalText,
          offerings: z.array(ZOfferingSummary),
        }),
      ),
    )
    .query(async ({ ctx }) => {
      const services = new Map<string, z.infer<typeof ZOfferingSummary>[]>()
      const offerings = await orderableOfferings(ctx.db.prisma, ctx.organizationId)
      for (const offering of offerings) {
        services.set(offering.serviceId, [...(services.get(offering.serviceId) ?? []), summary(offering)])
      }
      const seen = new Map(offerings.map((offering) => [offering.serviceId, offering.service]))
      return [...seen.values()].map((service) => ({
        id: service.id,
        code: service.code,
        name: { sv: service.nameSv, en: service.nameEn },
        description: { sv: service.descriptionSv, en: service.descriptionEn },
        offerings: services.get(service.id) ?? [],
      }))
    }),

  /** One offering to order: its price, current terms and how many orders of it are already in progress. */
  offering: memberProcedure('order.create')
    .input(ZOfferingIdInput)
    .output(
      ZOfferingSummary.extend({
        serviceName: ZLocalText,
        terms: ZTerms,
        ordersInProgress: z.number().int(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const offering = await orderableOffering(ctx.db.prisma, ctx.organizationId, input.offeringId)
      return {
        ...summary(offering),
        serviceName: { sv: offering.service.nameSv, en: offering.service.nameEn },
        terms: {
          version: offering.terms.version,
          textSv: offering.terms.textSv,
          textEn: offering.terms.textEn,
        },
        ordersInProgress: await ordersInProgress(ctx.db.prisma, ctx.organizationId, offering.id),
      }
    }),

  /** The options of a list field the server answers (e.g. the agents assigned to the service). */
  options: memberProcedure('order.create')
    .input(ZOfferingIdInput.extend({ field: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,49}$/) }))
    .output(z.array(z.object({ value: z.string(), label: z.string() })))
    .query(async ({ ctx, input }) => {
      const offering = await orderableOffering(ctx.db.prisma, ctx.organizationId, input.offeringId)
      return sourceOptions(ctx.db.prisma, offering, input.field, ctx.organizationId)
    }),

  /** Every offering with its price and current terms, for provider staff. */
  manageList: providerProcedure('catalogue.manage')
    .output(
      z.array(ZOfferingSummary.omit({ viaAgent: true }).extend({ serviceName: ZLocalText, terms: ZTerms })),
    )
    .query(async ({ ctx }) => {
      const offerings = await ctx.db.prisma.offering.findMany({
        include: { service: true, terms: { orderBy: { version: 'desc' }, take: 1 } },
        orderBy: [{ service: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
      })
      return offerings.flatMap((offering) => {
        const terms = offering.terms[0]
        if (!terms) return []
        return [
          {
            id: offering.id,
            code: offering.code,
            name: { sv: offering.nameSv, en: offering.nameEn },
            description: { sv: offering.descriptionSv, en: offering.descriptionEn },
            startupFeeOre: offering.startupFeeOre,
            monthlyFeeOre: offering.monthlyFeeOre,
            serviceName: { sv: offering.service.nameSv, en: offering.service.nameEn },
            terms: { version: terms.version, textSv: terms.textSv, textEn: terms.textEn },
          },
        ]
      })
    }),

  /** A new price for orders submitted from now on; submitted orders keep theirs. */
  setPrice: providerProcedure('catalogue.manage')
    .input(ZSetOfferingPriceInput)
    .output(z.object({ startupFeeOre: z.number().int(), monthlyFeeOre: z.number().int() }))
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const before = await tx.offering.findUnique({ where: { id: input.offeringId } })
        if (!before) throw new AppError('NOT_FOUND', 'OFFERING_NOT_FOUND', 'Erbjudandet finns inte.')
        const after = await tx.offering.update({
          where: { id: before.id },
          data: { startupFeeOre: input.startupFeeOre, monthlyFeeOre: input.monthlyFeeOre },
        })
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'catalogue.priceChanged',
          targetType: 'Offering',
          targetId: before.id,
          data: {
            offering: before.code,
            from: { startupFeeOre: before.startupFeeOre, monthlyFeeOre: before.monthlyFeeOre },
            to: { startupFeeOre: after.startupFeeOre, monthlyFeeOre: after.monthlyFeeOre },
          },
        })
        return { startupFeeOre: after.startupFeeOre, monthlyFeeOre: after.monthlyFeeOre }
      }),
    ),

  /** Publishes a new version of the terms: offered from now on; submitted orders keep the version they accepted. */
  publishTerms: providerProcedure('catalogue.manage')
    .input(ZPublishTermsInput)
    .output(ZTerms)
    .mutation(({ ctx, input }) =>
      ctx.db.prisma.$transaction(async (tx) => {
        const offering = await tx.offering.findUnique({ where: { id: input.offeringId } })
        if (!offering) throw new AppError('NOT_FOUND', 'OFFERING_NOT_FOUND', 'Erbjudandet finns inte.')
        const previous = await currentTerms(tx, offering.id)
        const terms = await tx.offeringTerms.create({
          data: {
            offeringId: offering.id,
            version: previous.version + 1,
            textSv: input.textSv,
            textEn: input.textEn,
            publishedByUserId: ctx.actor.userId,
          },
        })
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actorUserId: ctx.actor.userId,
          actorRole: ctx.role,
          action: 'catalogue.termsPublished',
          targetType: 'Offering',
          targetId: offering.id,
          data: { offering: offering.code, version: terms.version },
        })
        return { version: terms.version, textSv: terms.textSv, textEn: terms.textEn }
      }),
    ),
})
