/**
 * One order as a person sees it — on its page, in a signing link — with its chain, its timeline, who it
 * waits for, and what this person may do now. Shared by `order.get` and `signing.open`.
 */
import type { Order, Prisma, PrismaClient } from '@kundnav/db'
import { type ZOrderQueueInput, ZStepUpMethod } from '@kundnav/schemas'
import { catalogueOffering } from '@kundnav/schemas/catalogue'
import { z } from 'zod'
import { CHAIN_ACTIONS, decide, isEnded } from '../chains/engine.ts'
import type { AuthSettings } from '../settings.ts'
import { sourceLabels } from './catalogue.ts'
import { keysetAfter, keysetPage } from './keyset.ts'
import {
  type ChainActor,
  chainOf,
  chosenAttester,
  holdsAttester,
  mayActOnStep,
  openStep,
  readChain,
  signedContentHash,
} from './order-chain.ts'
import { stepUpMethodsFor } from './step-up.ts'

type Tx = Prisma.TransactionClient | PrismaClient

const ZLocalText = z.object({ sv: z.string(), en: z.string() })
const ZInvoiceAddress = z.object({
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  reference: z.string(),
})
const NO_ADDRESS = { addressLine: '', postalCode: '', city: '', reference: '' }
const ZAttestations = z.array(z.object({ id: z.string(), text: ZLocalText }))
const ZParty = z.enum(['ORDERING', 'AGENT', 'PROVIDER'])

export const ZOrderView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(['SUBMITTED', 'COMPLETED', 'REJECTED', 'CANCELLED', 'WITHDRAWN']),
  state: z.string(),
  version: z.number().int(),
  offeringId: z.string(),
  offeringCode: z.string(),
  offeringName: ZLocalText,
  serviceName: ZLocalText,
  organizationName: z.string(),
  agentName: z.string().nullable(),
  /** The provider, whose reviewers take the provider's steps. */
  providerName: z.string(),
  quantity: z.number().int(),
  submittedAt: z.date(),
  submittedByName: z.string().nullable(),
  fields: z.record(z.string(), z.unknown()),
  /** The names of values chosen from lists the server answers (e.g. the agent), by field. */
  fieldLabels: z.record(z.string(), z.string()),
  attestations: ZAttestations,
  invoiceAddress: ZInvoiceAddress,
  attesterName: z.string().nullable(),
  /** The agent's part once it forwarded: its questions, invoice address and attestant. */
  agentPart: z
    .object({
      attestations: ZAttestations,
      invoiceAddress: ZInvoiceAddress,
      attesterName: z.string().nullable(),
    })
    .nullable(),
  terms: z.object({ version: z.number().int(), textSv: z.string(), textEn: z.string() }),
  startupFeeOre: z.number().int(),
  monthlyFeeOre: z.number().int(),
  endReason: z.string().nullable(),
  endedAt: z.date().nullable(),
  /** The chain's steps, each done, open or to come. */
  /** The chain's steps: done, open now, where the order ended (rejected, cancelled, withdrawn), or to come. */
  steps: z.array(
    z.object({ state: z.string(), party: ZParty, progress: z.enum(['DONE', 'OPEN', 'ENDED', 'LATER']) }),
  ),
  /** Who the order waits for, while it runs. */
  waitingFor: z
    .object({
      state: z.string(),
      party: ZParty,
      organizationName: z.string(),
      attesterName: z.string().nullable(),
    })
    .nullable(),
  timeline: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      actorName: z.string(),
      actorRole: z.string().nullable(),
      actorOrganizationName: z.string(),
      reason: z.string().nullable(),
      method: z.string().nullable(),
      contentHash: z.string().nullable(),
    }),
  ),
  /** What the viewer may do now. */
  you: z.object({
    actions: z.array(z.enum(CHAIN_ACTIONS)),
    /** When the viewer is the attestant of the open step: the hash of exactly what this view shows. */
    attestation: z
      .object({ contentHash: z.string(), methods: z.array(ZStepUpMethod), mobileVerified: z.boolean() })
      .nullable(),
    /** The open attestation waits for someone who no longer holds Attestant, and the viewer may choose another. */
    mayChangeAttester: z.boolean(),
    /** "Beställ igen": the order ended without being completed and the viewer orders for its organisation. */
    mayOrderAgain: z.boolean(),
    /** The agent's questions to tick when it forwards (only with FORWARD among the actions). */
    agentQuestions: ZAttestations,
  }),
})
export type OrderView = z.infer<typeof ZOrderView>

/** Who looks: the person acting (if they may act) and whether they order for the ordering organisation. */
export interface Viewer {
  actor: ChainActor
  /** The viewer holds `order.create` in the ordering organisation (withdraw, order again, change attestant). */
  ordersForOrganization: boolean
  /** The viewer holds `order.create` in the agent's organisation (change the agent's attestant). */
  ordersForAgent: boolean
}

export async function orderView(
  db: Tx,
  settings: AuthSettings,
  order: Order,
  viewer: Viewer,
): Promise<OrderView> {
  const [offering, terms, organization, agent, events, provider] = await Promise.all([
    db.offering.findUniqueOrThrow({ where: { id: order.offeringId }, include: { service: true } }),
    db.offeringTerms.findUniqueOrThrow({ where: { id: order.termsId } }),
    db.organization.findUniqueOrThrow({ where: { id: order.organizationId }, select: { name: true } }),
    order.agentOrganizationId
      ? db.organization.findUnique({ where: { id: order.agentOrganizationId }, select: { name: true } })
      : null,
    db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    db.organization.findFirst({ where: { type: 'PROVIDER' }, select: { name: true } }),
  ])
  const peopleIds = [order.submittedByUserId, order.attesterUserId, order.agentAttesterUserId].filter(
    (id): id is string => Boolean(id),
  )
  const people = await db.user.findMany({
    where: { id: { in: peopleIds } },
    select: { id: true, name: true },
  })
  const names = new Map(people.map((person) => [person.id, person.name]))
  const fields = z.record(z.string(), z.unknown()).catch({}).parse(order.fields)
  const chain = chainOf(order)
  const ended = isEnded(order.state)
  const completed = order.state === 'COMPLETED'
  // Where the order is, or the step it ended at.
  const reached = ended ? (events.at(-1)?.fromState ?? null) : order.state
  const reachedIndex = chain.steps.findIndex((step) => step.state === reached)

  let waitingFor: OrderView['waitingFor'] = null
  const you: OrderView['you'] = {
    actions: [],
    attestation: null,
    mayChangeAttester: false,
    mayOrderAgain: false,
    agentQuestions: [],
  }
  if (!ended) {
    const step = openStep(order)
    const partyName =
      step.party === 'ORDERING'
        ? organization.name
        : step.party === 'AGENT'
          ? (agent?.name ?? '')
          : (provider?.name ?? '')
    const attesterId = chosenAttester(order, step.party)
    waitingFor = {
      state: step.state,
      party: step.party,
      organizationName: partyName,
      attesterName: 'chosenAttester' in step.actor && attesterId ? (names.get(attesterId) ?? null) : null,
    }
    if (await mayActOnStep(db, viewer.actor, order, step)) {
      you.actions = [...step.actions]
      if (step.actions.includes('FORWARD')) {
        you.agentQuestions = (catalogueOffering(offering.code)?.agentAttestationQuestions ?? []).map(
          (question) => ({
            id: question.id,
            text: { sv: question.text.sv, en: question.text.en },
          }),
        )
      }
      if ('chosenAttester' in step.actor) {
        const person = await db.user.findUniqueOrThrow({
          where: { id: viewer.actor.userId },
          select: { mobile: true, mobileVerifiedAt: true },
        })
        you.attestation = {
          contentHash: await signedContentHash(db, order, step.party),
          methods: stepUpMethodsFor(settings, person),
          mobileVerified: Boolean(person.mobile && person.mobileVerifiedAt),
        }
      }
    }
    if (viewer.ordersForOrganization && decide(chain, order.state, 'WITHDRAW').allowed) {
      you.actions.push('WITHDRAW')
    }
    const partyOrganization = step.party === 'ORDERING' ? order.organizationId : order.agentOrganizationId
    const ordersForParty = step.party === 'ORDERING' ? viewer.ordersForOrganization : viewer.ordersForAgent
    if ('chosenAttester' in step.actor && ordersForParty && partyOrganization) {
      you.mayChangeAttester = !attesterId || !(await holdsAttester(db, attesterId, partyOrganization))
    }
  } else {
    you.mayOrderAgain = !completed && viewer.ordersForOrganization
  }

  return {
    id: order.id,
    number: order.number,
    status: order.status,
    state: order.state,
    version: order.version,
    offeringId: order.offeringId,
    offeringCode: offering.code,
    offeringName: { sv: offering.nameSv, en: offering.nameEn },
    serviceName: { sv: offering.service.nameSv, en: offering.service.nameEn },
    organizationName: organization.name,
    agentName: agent?.name ?? null,
    providerName: provider?.name ?? '',
    quantity: order.quantity,
    submittedAt: order.submittedAt,
    submittedByName: names.get(order.submittedByUserId) ?? null,
    fields,
    fieldLabels: await sourceLabels(db, offering.code, fields),
    attestations: ZAttestations.catch([]).parse(order.attestations),
    invoiceAddress: ZInvoiceAddress.catch(NO_ADDRESS).parse(order.invoiceAddress),
    attesterName: names.get(order.attesterUserId) ?? null,
    agentPart: order.agentInvoiceAddress
      ? {
          attestations: ZAttestations.catch([]).parse(order.agentAttestations),
          invoiceAddress: ZInvoiceAddress.catch(NO_ADDRESS).parse(order.agentInvoiceAddress),
          attesterName: order.agentAttesterUserId ? (names.get(order.agentAttesterUserId) ?? null) : null,
        }
      : null,
    terms: { version: terms.version, textSv: terms.textSv, textEn: terms.textEn },
    startupFeeOre: order.startupFeeOre,
    monthlyFeeOre: order.monthlyFeeOre,
    endReason: order.endReason,
    endedAt: order.endedAt,
    steps: chain.steps.map((step, index) => ({
      state: step.state,
      party: step.party,
      progress:
        completed || index < reachedIndex
          ? ('DONE' as const)
          : index === reachedIndex
            ? ended
              ? ('ENDED' as const)
              : ('OPEN' as const)
            : ('LATER' as const),
    })),
    waitingFor,
    timeline: events.map((event) => ({
      id: event.id,
      at: event.at,
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      actorName: event.actorName,
      actorRole: event.actorRole,
      actorOrganizationName: event.actorOrganizationName,
      reason: event.reason,
      method: event.method,
      contentHash: event.contentHash,
    })),
    you,
  }
}

const ZOrderRowBase = z.object({
  id: z.string(),
  number: z.string(),
  status: ZOrderView.shape.status,
  state: z.string(),
  offeringName: ZLocalText,
  serviceName: ZLocalText,
  organizationName: z.string(),
  quantity: z.number().int(),
  submittedAt: z.date(),
  stateSince: z.date(),
  submittedByName: z.string().nullable(),
  organizationId: z.string(),
  offeringId: z.string(),
  /** Who acts next: the organisation (or the chosen attestant) of the open step; null once ended. */
  nextActor: z.object({ party: ZParty, name: z.string() }).nullable(),
})
export const ZOrderRow = ZOrderRowBase
export type OrderRow = z.infer<typeof ZOrderRow>

/** What an action on an order answers: where the order is now, and its version for the next action. */
export const ZOrderMoved = z.object({ state: z.string(), version: z.number().int() })

export function orderMoved(order: Order): z.infer<typeof ZOrderMoved> {
  return { state: order.state, version: order.version }
}

export const ZOrderQueuePage = z.object({
  items: z.array(ZOrderRow),
  nextCursor: z.object({ stateSince: z.date(), id: z.string() }).nullable(),
})

/**
 * A page of a queue ("Hantera beställningar", "Granska beställningar"): the orders `scope` selects, those in
 * `waitingState` unless every order is asked for, filtered, the longest waiting first (keyset on stateSince).
 */
export async function orderQueuePage(
  db: Tx,
  scope: Prisma.OrderWhereInput,
  waitingState: string,
  input: z.output<typeof ZOrderQueueInput>,
): Promise<z.infer<typeof ZOrderQueuePage>> {
  const rows = await db.order.findMany({
    // AND, not spread: a scope holding an OR (or the same field as a filter) must not be overwritten.
    where: {
      AND: [
        scope,
        input.waiting ? { state: waitingState } : {},
        input.status ? { status: input.status } : {},
        input.offeringId ? { offeringId: input.offeringId } : {},
        input.organizationId ? { organizationId: input.organizationId } : {},
        keysetAfter<Prisma.OrderWhereInput>(
          'stateSince',
          input.cursor && { key: input.cursor.stateSince, id: input.cursor.id },
          'asc',
        ),
      ],
    },
    include: { offering: { include: { service: true } } },
    orderBy: [{ stateSince: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
  })
  const { page, nextCursor } = keysetPage(rows, input.limit, (last) => ({
    stateSince: last.stateSince,
    id: last.id,
  }))
  return { items: await orderRows(db, page), nextCursor }
}

export const ZOrderListFilters = z.object({
  offerings: z.array(z.object({ id: z.string(), name: ZLocalText })),
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
})

/** The offerings and organisations among the orders `where` selects, for a list's filters. */
export async function orderListFilters(db: Tx, where: Prisma.OrderWhereInput) {
  const [offeringIds, organizationIds] = await Promise.all([
    db.order.findMany({ where, distinct: ['offeringId'], select: { offeringId: true } }),
    db.order.findMany({ where, distinct: ['organizationId'], select: { organizationId: true } }),
  ])
  const [offerings, organizations] = await Promise.all([
    db.offering.findMany({
      where: { id: { in: offeringIds.map((row) => row.offeringId) } },
      select: { id: true, nameSv: true, nameEn: true },
      orderBy: { nameSv: 'asc' },
    }),
    db.organization.findMany({
      where: { id: { in: organizationIds.map((row) => row.organizationId) } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ])
  return {
    offerings: offerings.map((offering) => ({
      id: offering.id,
      name: { sv: offering.nameSv, en: offering.nameEn },
    })),
    organizations,
  }
}

/** Rows of order lists, with who acts next, in a fixed number of queries whatever the page's length. */
export async function orderRows(
  db: Tx,
  orders: (Order & {
    offering: { nameSv: string; nameEn: string; service: { nameSv: string; nameEn: string } }
  })[],
): Promise<OrderRow[]> {
  const organizationIds = new Set<string>()
  const userIds = new Set<string>()
  for (const order of orders) {
    organizationIds.add(order.organizationId)
    if (order.agentOrganizationId) organizationIds.add(order.agentOrganizationId)
    userIds.add(order.submittedByUserId)
    userIds.add(order.attesterUserId)
    if (order.agentAttesterUserId) userIds.add(order.agentAttesterUserId)
  }
  const [organizations, people, provider] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: [...organizationIds] } },
      select: { id: true, name: true },
    }),
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    db.organization.findFirst({ where: { type: 'PROVIDER' }, select: { name: true } }),
  ])
  const organizationNames = new Map(organizations.map((o) => [o.id, o.name]))
  const names = new Map(people.map((p) => [p.id, p.name]))
  return orders.map((order) => {
    let nextActor: OrderRow['nextActor'] = null
    if (!isEnded(order.state)) {
      // A chain that cannot be read names nobody, rather than failing the whole list.
      const step = readChain(order)?.steps.find((candidate) => candidate.state === order.state)
      if (step) {
        const attesterId = chosenAttester(order, step.party)
        const organizationName =
          step.party === 'ORDERING'
            ? organizationNames.get(order.organizationId)
            : step.party === 'AGENT'
              ? organizationNames.get(order.agentOrganizationId ?? '')
              : provider?.name
        const name = 'chosenAttester' in step.actor && attesterId ? names.get(attesterId) : organizationName
        nextActor = { party: step.party, name: name ?? '' }
      }
    }
    return {
      id: order.id,
      number: order.number,
      status: order.status,
      state: order.state,
      offeringName: { sv: order.offering.nameSv, en: order.offering.nameEn },
      serviceName: { sv: order.offering.service.nameSv, en: order.offering.service.nameEn },
      organizationName: organizationNames.get(order.organizationId) ?? '',
      organizationId: order.organizationId,
      offeringId: order.offeringId,
      quantity: order.quantity,
      submittedAt: order.submittedAt,
      stateSince: order.stateSince,
      submittedByName: names.get(order.submittedByUserId) ?? null,
      nextActor,
    }
  })
}
