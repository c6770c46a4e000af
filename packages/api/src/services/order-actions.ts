/**
 * What people do with an order on its way: the agent forwards or rejects, attestants attest (with a step-up
 * bound to what they were shown) or cancel, the provider approves or rejects, the orderer withdraws or gives
 * the step another attestant. Each is one transaction ending in `transition`.
 */
import type { Db, Order, Prisma } from '@kundnav/db'
import type {
  StepUpResponse,
  StepUpSent,
  ZChangeAttesterInput,
  ZForwardOrderInput,
  ZOrderReasonInput,
} from '@kundnav/schemas'
import { catalogueOffering } from '@kundnav/schemas/catalogue'
import type { z } from 'zod'
import type { ChainAction, Party } from '../chains/engine.ts'
import { stepOf } from '../chains/engine.ts'
import { AppError } from '../errors.ts'
import type { AuthSettings } from '../settings.ts'
import {
  announceStep,
  type ChainActor,
  chainOf,
  chosenAttester,
  holdsAttester,
  mayActOnStep,
  openStep,
  signedContent,
  signedContentHash,
  transition,
} from './order-chain.ts'
import { attestersOf } from './orders.ts'
import { completeStepUp, startStepUp } from './step-up.ts'

const ORDER_NOT_FOUND = () => new AppError('NOT_FOUND', 'ORDER_NOT_FOUND', 'Beställningen finns inte.')

const ORDER_CHANGED = () =>
  new AppError(
    'CONFLICT',
    'ORDER_CHANGED',
    'Beställningen har ändrats sedan du öppnade den, kanske av någon annan. Ladda om sidan och se hur den ser ut nu.',
  )

const NOT_YOUR_STEP = () =>
  new AppError('FORBIDDEN', 'NOT_YOUR_STEP', 'Beställningen väntar inte på dig just nu.')

/**
 * The order, if `actor` may act on its open step with `action`; the version the
 * person saw must be the current one. Anyone else meets ORDER_NOT_FOUND or NOT_YOUR_STEP.
 */
async function orderToActOn(
  tx: Prisma.TransactionClient,
  actor: ChainActor,
  orderId: string,
  action: ChainAction,
  version: number | null,
): Promise<Order> {
  // No lock: `transition`'s conditional update on state and version decides a step once.
  const order = await tx.order.findUnique({ where: { id: orderId } })
  if (!order) throw ORDER_NOT_FOUND()
  const visible =
    order.organizationId === actor.organizationId ||
    order.agentOrganizationId === actor.organizationId ||
    (await tx.organization.count({ where: { id: actor.organizationId, type: 'PROVIDER' } })) > 0
  if (!visible) throw ORDER_NOT_FOUND()
  if (version !== null && version !== order.version) throw ORDER_CHANGED()
  const step = openStep(order)
  if (!step.actions.includes(action as never) || !(await mayActOnStep(tx, actor, order, step))) {
    throw NOT_YOUR_STEP()
  }
  return order
}

/**
 * The agent goes on (seed 004 step 4): its attestation questions all ticked, its invoice address (one of its
 * own, or a new one kept for next time) and its attestant, then the order moves to the agent's attestation.
 */
export async function forwardAsAgent(
  db: Db,
  settings: AuthSettings,
  actor: ChainActor,
  input: z.output<typeof ZForwardOrderInput>,
): Promise<Order> {
  return db.prisma.$transaction(async (tx) => {
    const order = await orderToActOn(tx, actor, input.orderId, 'FORWARD', input.version)
    const offering = await tx.offering.findUniqueOrThrow({ where: { id: order.offeringId } })
    const questions = catalogueOffering(offering.code)?.agentAttestationQuestions ?? []
    const ticked = new Set(input.attestations)
    if (questions.some((question) => !ticked.has(question.id))) {
      throw new AppError(
        'BAD_REQUEST',
        'ATTESTATIONS_MISSING',
        'Bocka i alla intygandefrågor för att gå vidare.',
        {
          field: 'attestations',
        },
      )
    }
    const invoice = input.invoice
    const address =
      invoice.kind === 'existing'
        ? await tx.invoiceAddress.findFirst({
            where: { id: invoice.invoiceAddressId, organizationId: actor.organizationId },
          })
        : await tx.invoiceAddress.create({
            data: {
              organizationId: actor.organizationId,
              addressLine: invoice.addressLine,
              postalCode: invoice.postalCode,
              city: invoice.city,
              reference: invoice.reference,
              createdByUserId: actor.userId,
            },
          })
    if (!address) {
      throw new AppError(
        'BAD_REQUEST',
        'INVOICE_NOT_FOUND',
        'Fakturaadressen finns inte längre. Välj en annan.',
        {
          field: 'invoice',
        },
      )
    }
    const attester = (await attestersOf(tx, actor.organizationId)).find(
      (candidate) => candidate.userId === input.attesterUserId,
    )
    if (!attester) {
      throw new AppError('BAD_REQUEST', 'ATTESTER_MISSING', 'Välj vem som ska attestera.', {
        field: 'attesterUserId',
      })
    }
    return transition(tx, settings, order, {
      action: 'FORWARD',
      actor,
      changes: {
        agentAttesterUserId: attester.userId,
        agentAttestations: questions.map((question) => ({
          id: question.id,
          text: { sv: question.text.sv, en: question.text.en },
        })),
        agentInvoiceAddress: {
          addressLine: address.addressLine,
          postalCode: address.postalCode,
          city: address.city,
          reference: address.reference,
        },
      },
    })
  })
}

/** A decision with a reason or without: reject (agent, provider), approve (provider), cancel (attestant). */
export async function decideStep(
  db: Db,
  settings: AuthSettings,
  actor: ChainActor,
  action: 'APPROVE' | 'REJECT' | 'CANCEL',
  input: { orderId: string; version: number; reason?: string | undefined },
): Promise<Order> {
  return db.prisma.$transaction(async (tx) => {
    const order = await orderToActOn(tx, actor, input.orderId, action, input.version)
    return transition(tx, settings, order, { action, actor, reason: input.reason ?? null })
  })
}

/** "Återkalla": the orderer's, at any step until the first attestation. */
export async function withdrawOrder(
  db: Db,
  settings: AuthSettings,
  actor: ChainActor,
  input: z.output<typeof ZOrderReasonInput>,
): Promise<Order> {
  return db.prisma.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: input.orderId, organizationId: actor.organizationId },
    })
    if (!order) throw ORDER_NOT_FOUND()
    if (order.version !== input.version) throw ORDER_CHANGED()
    return transition(tx, settings, order, { action: 'WITHDRAW', actor, reason: input.reason })
  })
}

/**
 * An attestation step waiting for someone who no longer holds Attestant (or has left) gets another
 * attestant from the orderer of that party; the new one is mailed a link, the old links stop working.
 */
export async function changeAttester(
  db: Db,
  settings: AuthSettings,
  actor: ChainActor,
  input: z.output<typeof ZChangeAttesterInput>,
): Promise<Order> {
  return db.prisma.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: {
        id: input.orderId,
        OR: [{ organizationId: actor.organizationId }, { agentOrganizationId: actor.organizationId }],
      },
    })
    if (!order) throw ORDER_NOT_FOUND()
    if (order.version !== input.version) throw ORDER_CHANGED()
    const step = openStep(order)
    const partyOrganization = step.party === 'ORDERING' ? order.organizationId : order.agentOrganizationId
    if (!('chosenAttester' in step.actor) || partyOrganization !== actor.organizationId) {
      throw new AppError('CONFLICT', 'NO_ATTESTATION_WAITING', 'Beställningen väntar inte på er attestant.')
    }
    const current = chosenAttester(order, step.party)
    if (current && (await holdsAttester(tx, current, partyOrganization))) {
      throw new AppError(
        'CONFLICT',
        'ATTESTER_STILL_HERE',
        'Den valda attestanten har kvar rollen. Attestant kan bytas först när den personen inte längre är attestant.',
      )
    }
    const attester = (await attestersOf(tx, partyOrganization)).find((c) => c.userId === input.attesterUserId)
    if (!attester) {
      throw new AppError('BAD_REQUEST', 'ATTESTER_MISSING', 'Välj vem som ska attestera.', {
        field: 'attesterUserId',
      })
    }
    const field = step.party === 'ORDERING' ? 'attesterUserId' : 'agentAttesterUserId'
    return reopenStep(tx, settings, order, actor, { [field]: attester.userId })
  })
}

/** Records a change of the open step's attestant: same state, new version, a timeline event and a new link. */
async function reopenStep(
  tx: Prisma.TransactionClient,
  settings: AuthSettings,
  order: Order,
  actor: ChainActor,
  changes: Prisma.OrderUpdateManyMutationInput,
): Promise<Order> {
  const [after] = await tx.order.updateManyAndReturn({
    where: { id: order.id, state: order.state, version: order.version },
    data: { ...changes, version: { increment: 1 } },
  })
  if (!after) throw ORDER_CHANGED()
  await tx.orderSigningLink.deleteMany({ where: { orderId: order.id, state: order.state } })
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      action: 'ATTESTER_CHANGED',
      fromState: order.state,
      toState: order.state,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      actorOrganizationId: actor.organizationId,
      actorOrganizationName: actor.organizationName,
    },
  })
  await announceStep(tx, settings, after)
  return after
}

const attestationSubject = (order: Order, userId: string, content: unknown) => ({
  userId,
  purpose: 'order.attest' as const,
  subjectId: `${order.id}:${order.state}`,
  content,
})

/**
 * The submitter never attests in the sign-in they submitted in (seed 001: "behöver personen vara
 * utloggad"), and never at all when the offering asks for another person (`attesterMustDiffer`).
 */
async function refuseSubmitter(db: Db, order: Order, actor: ChainActor): Promise<void> {
  if (actor.userId === order.submittedByUserId) {
    const offering = await db.prisma.offering.findUniqueOrThrow({ where: { id: order.offeringId } })
    if (catalogueOffering(offering.code)?.attesterMustDiffer) {
      throw new AppError(
        'FORBIDDEN',
        'SUBMITTER_MAY_NOT_ATTEST',
        'Den här tjänsten kräver att någon annan än den som skickade beställningen attesterar den.',
      )
    }
  }
  if (actor.sessionId !== null && order.submittedSessionId === actor.sessionId) {
    throw new AppError(
      'FORBIDDEN',
      'SUBMITTER_SAME_SIGN_IN',
      'Du skickade beställningen i den här inloggningen. Logga ut och logga in igen, eller använd länken i mejlet, för att attestera den.',
    )
  }
}

/**
 * "Attestera" → a code: the person must be the step's attestant, the page must show the order as it is now
 * (its content hash), and the submitter cannot attest in the sign-in they submitted in.
 */
export async function startAttestation(
  db: Db,
  settings: AuthSettings,
  actor: ChainActor,
  input: { orderId: string; contentHash: string },
): Promise<StepUpSent> {
  const order = await db.prisma.$transaction((tx) => orderToActOn(tx, actor, input.orderId, 'ATTEST', null))
  await refuseSubmitter(db, order, actor)
  const step = openStep(order)
  const content = await signedContent(db.prisma, order, step.party)
  if ((await signedContentHash(db.prisma, order, step.party)) !== input.contentHash) throw ORDER_CHANGED()
  return startStepUp(db, settings, {
    ...attestationSubject(order, actor.userId, content),
    description: { purpose: 'order.attest', orderNumber: order.number },
  })
}

/**
 * The code → the attestation: completed in one transaction with the step's transition, bound to what the
 * order shows now; if it changed since the code was sent, the signature is refused.
 */
export async function attestOrder(
  db: Db,
  settings: AuthSettings,
  actor: ChainActor,
  input: { orderId: string; response: StepUpResponse },
): Promise<Order> {
  const order = await db.prisma.$transaction((tx) => orderToActOn(tx, actor, input.orderId, 'ATTEST', null))
  await refuseSubmitter(db, order, actor)
  const step = openStep(order)
  const content = await signedContent(db.prisma, order, step.party)
  return completeStepUp(
    db,
    settings,
    attestationSubject(order, actor.userId, content),
    input.response,
    async (tx, signature) => {
      const locked = await orderToActOn(tx, actor, input.orderId, 'ATTEST', order.version)
      return transition(tx, settings, locked, { action: 'ATTEST', actor, signature })
    },
  )
}

/** The party whose attestant acts at an order's open step, if it is an attestation. */
export function attestingParty(order: Order): Party | null {
  const step = stepOf(chainOf(order), order.state)
  return step && 'chosenAttester' in step.actor ? step.party : null
}
