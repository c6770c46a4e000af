/**
 * Signing from the mailed link, as in Inera's portal: the link names the person and the step and lasts while
 * the step is open (at most 30 days). Opening it shows the order; signing needs a step-up (the link alone
 * signs nothing); it works without a password, and never borrows a session — whoever is signed in in the
 * browser, the link acts as its own person. It stops working when the person no longer holds Attestant.
 */
import type { Order, Prisma, PrismaClient, User } from '@kundnav/db'
import { AppError } from '../errors.ts'
import { type ChainActor, chosenAttester, holdsAttester, openStep } from './order-chain.ts'
import { hashToken } from './tokens.ts'

type Tx = Prisma.TransactionClient | PrismaClient

export interface OpenedLink {
  order: Order
  user: User
  actor: ChainActor
}

/** The link's order, person and acting identity, or why it does not work (each with its own message). */
export async function openSigningLink(db: Tx, token: string): Promise<OpenedLink> {
  const link = await db.orderSigningLink.findUnique({ where: { tokenHash: hashToken(token) } })
  if (!link) {
    throw new AppError(
      'NOT_FOUND',
      'LINK_INVALID',
      'Länken är ogiltig. Kontrollera att du använde hela länken i mejlet, eller logga in och öppna beställningen.',
    )
  }
  if (link.expiresAt.getTime() <= Date.now()) {
    throw new AppError('BAD_REQUEST', 'LINK_EXPIRED', 'Länken har gått ut. Logga in och öppna beställningen.')
  }
  const order = await db.order.findUniqueOrThrow({ where: { id: link.orderId } })
  if (order.state !== link.state) {
    throw new AppError(
      'CONFLICT',
      'LINK_STEP_CLOSED',
      `Beställning ${order.number} väntar inte längre på din attest: den har gått vidare eller avslutats.`,
    )
  }
  const step = openStep(order)
  const partyOrganizationId = step.party === 'ORDERING' ? order.organizationId : order.agentOrganizationId
  if (!partyOrganizationId || chosenAttester(order, step.party) !== link.userId) {
    throw new AppError(
      'CONFLICT',
      'LINK_STEP_CLOSED',
      `Beställning ${order.number} väntar inte längre på din attest.`,
    )
  }
  const organization = await db.organization.findUniqueOrThrow({ where: { id: partyOrganizationId } })
  const agentWithdrawn = step.party === 'AGENT' && !organization.isAgent
  if (agentWithdrawn || !(await holdsAttester(db, link.userId, partyOrganizationId))) {
    throw new AppError(
      'FORBIDDEN',
      'LINK_ROLE_LOST',
      `Du är inte längre attestant hos ${organization.name} och kan inte attestera beställningen.`,
    )
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: link.userId } })
  return {
    order,
    user,
    actor: {
      userId: user.id,
      name: user.name,
      organizationId: organization.id,
      organizationName: organization.name,
      role: 'ATTESTER',
      sessionId: null,
    },
  }
}
