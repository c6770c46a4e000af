/**
 * Moving orders along their approval chains: who may see an order and who may act on its open step, what an
 * attestant signs, and the one transition every action goes through (a conditional update on the order's
 * state and version, so a step is decided once), with its timeline event, audit event and mails.
 */
import {
  contentHash,
  enqueueMail,
  type Language,
  type Order,
  type OrderStatus,
  type Prisma,
  type PrismaClient,
  type Role,
  type Signature,
} from '@kundnav/db'
import { can } from '@kundnav/schemas'
import { z } from 'zod'
import {
  ACTIONS_WITH_REASON,
  type Chain,
  type ChainAction,
  type ChainStep,
  decide,
  type EndState,
  isEnded,
  type Party,
  stepOf,
} from '../chains/engine.ts'
import type { SessionActor } from '../context.ts'
import { AppError } from '../errors.ts'
import { orderAttestationMail, orderEndedMail, orderTurnMail } from '../mail/templates.ts'
import type { AuthSettings } from '../settings.ts'
import { recordAudit } from './audit.ts'
import { sourceLabels } from './catalogue.ts'
import { hashToken, randomToken } from './tokens.ts'

type Tx = Prisma.TransactionClient | PrismaClient

/** A mailed signing link lasts while its step is open, and never longer than this. */
export const SIGNING_LINK_TTL_MS = 30 * 24 * 3_600_000

const ZChainStep = z.object({
  state: z.string(),
  party: z.enum(['ORDERING', 'AGENT', 'PROVIDER']),
  actor: z.union([z.object({ roles: z.array(z.string()) }), z.object({ chosenAttester: z.literal(true) })]),
  actions: z.array(z.enum(['FORWARD', 'ATTEST', 'APPROVE', 'REJECT', 'CANCEL'])),
})

const ZStoredChain = z.object({ steps: z.array(ZChainStep).min(1) })

/** The chain an order travels, as stored with it, or null if it cannot be read (a format from elsewhere). */
export function readChain(order: { chain: Prisma.JsonValue }): Chain | null {
  const parsed = ZStoredChain.safeParse(order.chain)
  return parsed.success ? ({ steps: parsed.data.steps as ChainStep[] } satisfies Chain) : null
}

/** The chain an order travels; an order whose chain cannot be read is refused, never a 500. */
export function chainOf(order: { chain: Prisma.JsonValue }): Chain {
  const chain = readChain(order)
  if (!chain) {
    throw new AppError(
      'CONFLICT',
      'ORDER_UNREADABLE',
      'Beställningens attestkedja kan inte läsas. Kontakta leverantörens support.',
    )
  }
  return chain
}

const ORDER_NOT_FOUND = () => new AppError('NOT_FOUND', 'ORDER_NOT_FOUND', 'Beställningen finns inte.')

/** Someone acting on an order: in a session (with a role in an organisation) or through a signing link. */
export interface ChainActor {
  userId: string
  name: string
  organizationId: string
  organizationName: string
  role: Role | null
  /** The sign-in acted in; null through a signing link. */
  sessionId: string | null
}

/**
 * Which orders `actor` may see, as a filter, or null for none: their own organisation's (with `order.read`),
 * those naming their organisation as agent (an agent's members with `order.read`), and every order for the
 * provider's reviewers. The one place this is decided.
 */
export async function orderScope(db: Tx, actor: SessionActor): Promise<Prisma.OrderWhereInput | null> {
  const { organizationId, organizationType, role } = actor
  if (!organizationId || !can(role, 'order.read')) return null
  if (organizationType === 'PROVIDER') return can(role, 'provider.review') ? {} : null
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: { isAgent: true },
  })
  return organization?.isAgent
    ? { OR: [{ organizationId }, { agentOrganizationId: organizationId }] }
    : { organizationId }
}

/** An order `actor` may see, or ORDER_NOT_FOUND (another organisation's is as if none). */
export async function visibleOrder(db: Tx, actor: SessionActor, orderId: string) {
  const scope = await orderScope(db, actor)
  if (!scope) throw new AppError('FORBIDDEN', 'FORBIDDEN', 'Din roll får inte göra detta.')
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, scope] } })
  if (!order) throw ORDER_NOT_FOUND()
  return order
}

/** The organisation that owns a party's steps of an order (the provider's is found by its type). */
async function partyOrganizationId(db: Tx, order: Order, party: Party): Promise<string | null> {
  if (party === 'ORDERING') return order.organizationId
  if (party === 'AGENT') return order.agentOrganizationId
  const provider = await db.organization.findFirst({ where: { type: 'PROVIDER' }, select: { id: true } })
  return provider?.id ?? null
}

/** Whether the organisation holds the agent capability now (support may withdraw it). */
export async function isAgentOrganization(db: Tx, organizationId: string): Promise<boolean> {
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: { isAgent: true },
  })
  return organization?.isAgent === true
}

/** The attestant a party chose for an order. */
export function chosenAttester(order: Order, party: Party): string | null {
  if (party === 'ORDERING') return order.attesterUserId
  if (party === 'AGENT') return order.agentAttesterUserId
  return null
}

/** Whether the person holds Attestant in the organisation now: accepted, the role not ended. */
export async function holdsAttester(db: Tx, userId: string, organizationId: string, now = new Date()) {
  const membership = await db.membership.findFirst({
    where: {
      userId,
      organizationId,
      acceptedAt: { not: null },
      roles: { has: 'ATTESTER' },
      roleEnds: { none: { role: 'ATTESTER', endsAt: { lte: now } } },
    },
    select: { id: true },
  })
  return membership !== null
}

/**
 * Whether `actor` may act on the order's open step: a member of the step's party with one of its roles,
 * or the attestant the party chose, still holding Attestant there.
 */
export async function mayActOnStep(
  db: Tx,
  actor: ChainActor,
  order: Order,
  step: ChainStep,
): Promise<boolean> {
  const partyOrganization = await partyOrganizationId(db, order, step.party)
  if (!partyOrganization || actor.organizationId !== partyOrganization) return false
  if ('roles' in step.actor) {
    if (!actor.role || !step.actor.roles.includes(actor.role)) return false
    return step.party !== 'AGENT' || isAgentOrganization(db, partyOrganization)
  }
  if (actor.sessionId !== null && actor.role !== 'ATTESTER') return false
  if (step.party === 'AGENT' && !(await isAgentOrganization(db, partyOrganization))) return false
  return (
    chosenAttester(order, step.party) === actor.userId &&
    (await holdsAttester(db, actor.userId, partyOrganization))
  )
}

/** The open step of an order, or why nothing can be done on it. */
export function openStep(order: Order): ChainStep {
  if (isEnded(order.state)) {
    throw new AppError('CONFLICT', 'ORDER_ENDED', 'Beställningen är redan avslutad.')
  }
  const step = stepOf(chainOf(order), order.state)
  if (!step) {
    throw new AppError(
      'CONFLICT',
      'ORDER_UNREADABLE',
      'Beställningen är i ett steg som dess attestkedja inte har. Kontakta leverantörens support.',
    )
  }
  return step
}

/**
 * What an attestant is shown and signs: for the ordering organisation's attestant the offering, the
 * answers (with the names of chosen list values), quantity, prices, the ticked questions, the invoice address
 * and reference, terms version and agent; for the agent's attestant that plus the agent's own answers and invoice address. The order's
 * version is part of it, so any change since the page was shown changes the hash.
 */
export async function signedContent(db: Tx, order: Order, party: Party) {
  const offering = await db.offering.findUniqueOrThrow({ where: { id: order.offeringId } })
  const terms = await db.offeringTerms.findUniqueOrThrow({ where: { id: order.termsId } })
  const fields = z.record(z.string(), z.unknown()).catch({}).parse(order.fields)
  const agent = order.agentOrganizationId
    ? await db.organization.findUnique({ where: { id: order.agentOrganizationId }, select: { name: true } })
    : null
  return {
    order: order.number,
    version: order.version,
    offering: { code: offering.code, name: { sv: offering.nameSv, en: offering.nameEn } },
    fields,
    fieldLabels: await sourceLabels(db, offering.code, fields),
    quantity: order.quantity,
    startupFeeOre: order.startupFeeOre,
    monthlyFeeOre: order.monthlyFeeOre,
    attestations: order.attestations,
    invoiceAddress: order.invoiceAddress,
    termsVersion: terms.version,
    agent: agent?.name ?? null,
    ...(party === 'AGENT'
      ? { agentAttestations: order.agentAttestations, agentInvoiceAddress: order.agentInvoiceAddress }
      : {}),
  }
}

/** The content hash of what an attestant of the open step is shown now. */
export async function signedContentHash(db: Tx, order: Order, party: Party): Promise<string> {
  return contentHash(await signedContent(db, order, party))
}

const STATUS_OF_END: Record<EndState, OrderStatus> = {
  COMPLETED: 'COMPLETED',
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
  WITHDRAWN: 'WITHDRAWN',
}

export interface TransitionRequest {
  action: ChainAction
  actor: ChainActor
  reason?: string | null
  signature?: Signature | null
  /** Further changes made with the step (the agent's answers when it forwards). */
  changes?: Prisma.OrderUpdateManyMutationInput
}

/**
 * The one way an order moves: the engine decides, a conditional update on the order's state and version
 * makes it happen at most once (a parallel decision of the same step finds nothing to update and is
 * refused), then the timeline, the audit log and the mails follow in the same transaction.
 */
export async function transition(
  tx: Prisma.TransactionClient,
  settings: AuthSettings,
  order: Order,
  request: TransitionRequest,
): Promise<Order> {
  const decision = decide(chainOf(order), order.state, request.action)
  if (!decision.allowed) {
    throw decision.reason === 'ENDED'
      ? new AppError('CONFLICT', 'ORDER_ENDED', 'Beställningen är redan avslutad.')
      : decision.reason === 'ALREADY_ATTESTED'
        ? new AppError(
            'CONFLICT',
            'ALREADY_ATTESTED',
            'Beställningen har redan attesterats och kan inte längre återkallas.',
          )
        : new AppError('BAD_REQUEST', 'ACTION_NOT_ALLOWED', 'Det går inte att göra så med beställningen nu.')
  }
  const reason = request.reason?.trim() || null
  if (ACTIONS_WITH_REASON.includes(request.action) && !reason) {
    throw new AppError('BAD_REQUEST', 'REASON_MISSING', 'Skriv en motivering.', { field: 'reason' })
  }
  const now = new Date()
  const updated = await tx.order.updateManyAndReturn({
    where: { id: order.id, state: order.state, version: order.version },
    data: {
      ...request.changes,
      state: decision.next,
      stateSince: now,
      version: { increment: 1 },
      ...(decision.ended ? { status: STATUS_OF_END[decision.ended], endedAt: now, endReason: reason } : {}),
    },
  })
  const [after] = updated
  if (!after) {
    throw new AppError(
      'CONFLICT',
      'ORDER_CHANGED',
      'Beställningen har just ändrats, kanske av någon annan. Ladda om sidan och se hur den ser ut nu.',
    )
  }
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      at: now,
      action: request.action,
      fromState: order.state,
      toState: decision.next,
      actorUserId: request.actor.userId,
      actorName: request.actor.name,
      actorRole: request.actor.role,
      actorOrganizationId: request.actor.organizationId,
      actorOrganizationName: request.actor.organizationName,
      reason,
      signatureId: request.signature?.id ?? null,
      method: request.signature?.method ?? null,
      contentHash: request.signature?.contentHash ?? null,
    },
  })
  // In the actor's log, and in the ordering organisation's when someone else (agent, provider) decided.
  for (const organizationId of new Set([request.actor.organizationId, order.organizationId])) {
    await recordAudit(tx, {
      organizationId,
      actorUserId: request.actor.userId,
      actorRole: request.actor.role,
      action: `order.${request.action.toLowerCase()}`,
      targetType: 'Order',
      targetId: order.id,
      data: {
        number: order.number,
        from: order.state,
        to: decision.next,
        ...(reason ? { reason } : {}),
        ...(request.signature
          ? {
              signatureId: request.signature.id,
              method: request.signature.method,
              contentHash: request.signature.contentHash,
            }
          : {}),
      },
    })
  }
  if (decision.ended) {
    await finish(tx, settings, after, decision.ended)
  } else {
    await announceStep(tx, settings, after)
  }
  return after
}

/** The SUBMITTED event and the first step's mails, in the submitting transaction. */
export async function enterChain(
  tx: Prisma.TransactionClient,
  settings: AuthSettings,
  order: Order,
  actor: ChainActor,
): Promise<void> {
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      at: order.submittedAt,
      action: 'SUBMITTED',
      fromState: null,
      toState: order.state,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      actorOrganizationId: actor.organizationId,
      actorOrganizationName: actor.organizationName,
    },
  })
  await announceStep(tx, settings, order)
}

interface Recipient {
  id: string
  name: string
  email: string
  language: Language
}

/** Members of an organisation holding one of `roles` now, with their mail language. */
async function membersWithRoles(
  tx: Tx,
  organizationId: string,
  roles: readonly Role[],
): Promise<Recipient[]> {
  const now = new Date()
  const memberships = await tx.membership.findMany({
    where: { organizationId, acceptedAt: { not: null }, roles: { hasSome: [...roles] } },
    select: {
      roles: true,
      roleEnds: { select: { role: true, endsAt: true } },
      user: { select: { id: true, name: true, email: true, language: true } },
    },
  })
  return memberships
    .filter(({ roles: held, roleEnds }) =>
      held.some(
        (role) => roles.includes(role) && !roleEnds.some((end) => end.role === role && end.endsAt <= now),
      ),
    )
    .map(({ user }) => user)
}

async function orderNames(tx: Tx, order: Order) {
  const [offering, organization] = await Promise.all([
    tx.offering.findUniqueOrThrow({
      where: { id: order.offeringId },
      select: { nameSv: true, nameEn: true },
    }),
    tx.organization.findUniqueOrThrow({ where: { id: order.organizationId }, select: { name: true } }),
  ])
  return {
    offeringName: (language: Language) => (language === 'en' ? offering.nameEn : offering.nameSv),
    organizationName: organization.name,
  }
}

function orderLink(settings: AuthSettings, orderId: string): string {
  return `${settings.publicUrl}/bestallningar/${orderId}`
}

/** The link to sign one step of an order as one person: created here, kept hashed, valid while the step is. */
export function signingLinkUrl(settings: AuthSettings, token: string): string {
  return `${settings.publicUrl}/attestera/${encodeURIComponent(token)}`
}

/** Tells whoever acts at the order's open step: its roles' members, or the chosen attestant with a link. */
export async function announceStep(
  tx: Prisma.TransactionClient,
  settings: AuthSettings,
  order: Order,
): Promise<void> {
  const step = openStep(order)
  const partyOrganization = await partyOrganizationId(tx, order, step.party)
  if (!partyOrganization) return
  const names = await orderNames(tx, order)
  if ('roles' in step.actor) {
    const turn = step.party === 'PROVIDER' ? 'PROVIDER_REVIEW' : 'AGENT_REVIEW'
    for (const person of await membersWithRoles(tx, partyOrganization, step.actor.roles)) {
      await enqueueMail(tx, {
        to: person.email,
        ...orderTurnMail(person.language, {
          name: person.name,
          number: order.number,
          offeringName: names.offeringName(person.language),
          organizationName: names.organizationName,
          link: orderLink(settings, order.id),
          turn,
        }),
      })
    }
    return
  }
  const attesterId = chosenAttester(order, step.party)
  if (!attesterId) return
  const attester = await tx.user.findUniqueOrThrow({ where: { id: attesterId } })
  const token = randomToken()
  const expiresAt = new Date(Date.now() + SIGNING_LINK_TTL_MS)
  await tx.orderSigningLink.create({
    data: {
      tokenHash: hashToken(token),
      orderId: order.id,
      state: order.state,
      userId: attesterId,
      expiresAt,
    },
  })
  await enqueueMail(tx, {
    to: attester.email,
    ...orderAttestationMail(attester.language, {
      name: attester.name,
      number: order.number,
      offeringName: names.offeringName(attester.language),
      organizationName: names.organizationName,
      link: signingLinkUrl(settings, token),
      expiresAt,
    }),
  })
}

/**
 * At an end: the orderer is told (with the reason of a rejection or cancellation), and for a completed
 * agent order the agent too; a completed agent-assignment order makes the assignment.
 */
async function finish(tx: Prisma.TransactionClient, settings: AuthSettings, order: Order, end: EndState) {
  const names = await orderNames(tx, order)
  const mail = async (person: Recipient, toAgent: boolean) =>
    enqueueMail(tx, {
      to: person.email,
      ...orderEndedMail(person.language, {
        name: person.name,
        number: order.number,
        offeringName: names.offeringName(person.language),
        organizationName: names.organizationName,
        link: orderLink(settings, order.id),
        end,
        reason: order.endReason,
        toAgent,
      }),
    })
  const orderer = await tx.user.findUnique({
    where: { id: order.submittedByUserId },
    select: { id: true, name: true, email: true, language: true },
  })
  if (orderer) await mail(orderer, false)
  if (end === 'COMPLETED' && order.agentOrganizationId) {
    for (const person of await membersWithRoles(tx, order.agentOrganizationId, [
      'ORDERER',
      'AGENT_OFFICER',
    ])) {
      await mail(person, true)
    }
  }
  if (end === 'COMPLETED') {
    const offering = await tx.offering.findUniqueOrThrow({ where: { id: order.offeringId } })
    if (offering.chain === 'AGENT_ASSIGNMENT') {
      await tx.agentAssignment.upsert({
        where: {
          serviceId_agentOrganizationId: {
            serviceId: offering.serviceId,
            agentOrganizationId: order.organizationId,
          },
        },
        create: { serviceId: offering.serviceId, agentOrganizationId: order.organizationId },
        update: {},
      })
    }
  }
}

/** The person and organisation names an event records, for a session's actor. */
export async function chainActorOf(db: Tx, actor: SessionActor): Promise<ChainActor> {
  if (!actor.organizationId) throw new AppError('FORBIDDEN', 'FORBIDDEN', 'Din roll får inte göra detta.')
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: { name: true },
  })
  return {
    userId: actor.userId,
    name: actor.name,
    organizationId: actor.organizationId,
    organizationName: organization.name,
    role: actor.role,
    sessionId: actor.sessionId,
  }
}
