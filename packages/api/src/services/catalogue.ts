import type { Db, Prisma, PrismaClient } from '@kundnav/db'
import {
  CATALOGUE,
  type CatalogueOffering,
  catalogueOffering,
  describeForm,
} from '@kundnav/schemas/catalogue'
import { AppError } from '../errors.ts'

type Tx = Prisma.TransactionClient | PrismaClient

/**
 * Writes the catalogue in code (packages/schemas/src/catalogue) to the database, at start-up: new services
 * and offerings are created with their first price and terms (version 1); existing ones get the names,
 * descriptions and settings the code gives them, while their price and terms stay as provider staff left
 * them. Every form is described first, so a form the wizard could not render stops the start.
 */
export async function syncCatalogue(db: Db): Promise<void> {
  for (const service of CATALOGUE) for (const offering of service.offerings) describeForm(offering.fields)
  await db.prisma.$transaction(async (tx) => {
    for (const [serviceOrder, service] of CATALOGUE.entries()) {
      const texts = {
        nameSv: service.name.sv,
        nameEn: service.name.en,
        descriptionSv: service.description.sv,
        descriptionEn: service.description.en,
        sortOrder: serviceOrder,
      }
      const { id: serviceId } = await tx.service.upsert({
        where: { code: service.code },
        create: { code: service.code, ...texts },
        update: texts,
      })
      for (const [offeringOrder, offering] of service.offerings.entries()) {
        const settings = {
          serviceId,
          nameSv: offering.name.sv,
          nameEn: offering.name.en,
          descriptionSv: offering.description.sv,
          descriptionEn: offering.description.en,
          viaAgent: offering.viaAgent,
          agentsOnly: offering.agentsOnly,
          chain: offering.chain,
          sortOrder: offeringOrder,
        }
        const existing = await tx.offering.findUnique({
          where: { code: offering.code },
          select: { id: true },
        })
        if (existing) {
          await tx.offering.update({ where: { id: existing.id }, data: settings })
          continue
        }
        await tx.offering.create({
          data: {
            code: offering.code,
            ...settings,
            startupFeeOre: offering.startupFeeOre,
            monthlyFeeOre: offering.monthlyFeeOre,
            terms: { create: { version: 1, textSv: offering.terms.sv, textEn: offering.terms.en } },
          },
        })
      }
    }
  })
}

/** The offerings an organisation may order: those in the catalogue in code, agents-only ones for agents. */
export async function orderableOfferings(db: Tx, organizationId: string) {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { isAgent: true },
  })
  const offerings = await db.offering.findMany({
    where: {
      code: { in: CATALOGUE.flatMap((service) => service.offerings.map((offering) => offering.code)) },
      ...(organization.isAgent ? {} : { agentsOnly: false }),
    },
    include: { service: true, terms: { orderBy: { version: 'desc' }, take: 1 } },
    orderBy: [{ service: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
  })
  return offerings.map((offering) => {
    const entry = catalogueOffering(offering.code)
    const terms = offering.terms[0]
    if (!entry || !terms) throw new Error(`offering ${offering.code} has no catalogue entry or terms`)
    return { ...offering, entry, terms }
  })
}

export type OrderableOffering = Awaited<ReturnType<typeof orderableOfferings>>[number]

/** One offering the organisation may order, or OFFERING_NOT_FOUND (as for an id of nothing). */
export async function orderableOffering(
  db: Tx,
  organizationId: string,
  offeringId: string,
): Promise<OrderableOffering> {
  const found = (await orderableOfferings(db, organizationId)).find((offering) => offering.id === offeringId)
  if (!found) throw new AppError('NOT_FOUND', 'OFFERING_NOT_FOUND', 'Erbjudandet finns inte.')
  return found
}

/**
 * The options of a list field that the server answers, for the ordering organisation: for now the agents
 * assigned to the service, never the orderer's own organisation (an agent does not review its own order).
 */
export async function sourceOptions(
  db: Tx,
  offering: { serviceId: string; entry: CatalogueOffering },
  fieldName: string,
  orderingOrganizationId: string,
): Promise<{ value: string; label: string }[]> {
  const field = describeForm(offering.entry.fields).find((candidate) => candidate.name === fieldName)
  if (field?.kind !== 'source') return []
  switch (field.source) {
    case 'agentsForService': {
      const assignments = await db.agentAssignment.findMany({
        where: {
          serviceId: offering.serviceId,
          agentOrganization: { isAgent: true },
          agentOrganizationId: { not: orderingOrganizationId },
        },
        select: { agentOrganization: { select: { id: true, name: true } } },
        orderBy: { agentOrganization: { name: 'asc' } },
      })
      return assignments.map(({ agentOrganization }) => ({
        value: agentOrganization.id,
        label: agentOrganization.name,
      }))
    }
    default:
      return []
  }
}

/** The current (newest) terms of an offering. */
export async function currentTerms(db: Tx, offeringId: string) {
  return db.offeringTerms.findFirstOrThrow({ where: { offeringId }, orderBy: { version: 'desc' } })
}

/**
 * What a server-answered list's value is called, for showing a submitted order: resolved from the value
 * itself, so an agent no longer assigned to the service is still named on the orders that chose it.
 */
export async function sourceLabels(
  db: Tx,
  offeringCode: string,
  values: Record<string, unknown>,
): Promise<Record<string, string>> {
  const entry = catalogueOffering(offeringCode)
  if (!entry) return {}
  const labels: Record<string, string> = {}
  for (const field of describeForm(entry.fields)) {
    const value = values[field.name]
    if (field.kind !== 'source' || typeof value !== 'string') continue
    switch (field.source) {
      case 'agentsForService': {
        const agent = await db.organization.findFirst({ where: { id: value }, select: { name: true } })
        if (agent) labels[field.name] = agent.name
        break
      }
    }
  }
  return labels
}
