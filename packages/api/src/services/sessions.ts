import type { Db, OrganizationType, Prisma, PrismaClient, Role } from '@kundnav/db'
import { effectiveRoles, isProviderRole, type Pair } from '@kundnav/schemas'
import type { SessionActor } from '../context.ts'
import type { AuthSettings } from '../settings.ts'
import { hashToken, randomToken } from './tokens.ts'

type Tx = Prisma.TransactionClient | PrismaClient

/** Write `lastSeenAt` at most this often: idle timeouts are minutes, a write per request isn't needed. */
const TOUCH_INTERVAL_MS = 30_000

export interface PairOption extends Pair {
  organizationName: string
  organizationType: OrganizationType
}

/**
 * Every (organisation, role) pair a person may act as, in a stable order. Only accepted memberships count,
 * and only their roles that have not ended (an external handläggare's grant ends by itself; the person's
 * other roles stay). An Ansvarig also gets the Handläggare pair; provider roles count only in the provider
 * organisation, customer roles only elsewhere.
 */
export async function listPairs(db: Tx, userId: string): Promise<PairOption[]> {
  const now = new Date()
  const memberships = await db.membership.findMany({
    where: { userId, acceptedAt: { not: null } },
    include: {
      organization: { select: { name: true, type: true } },
      roleEnds: { where: { endsAt: { lte: now } }, select: { role: true } },
    },
    orderBy: [{ organization: { name: 'asc' } }, { id: 'asc' }],
  })
  return memberships.flatMap((membership) => {
    const ended = new Set(membership.roleEnds.map((end) => end.role))
    return effectiveRoles(membership.roles.filter((role) => !ended.has(role)))
      .filter((role) => isProviderRole(role) === (membership.organization.type === 'PROVIDER'))
      .map((role) => ({
        organizationId: membership.organizationId,
        role,
        organizationName: membership.organization.name,
        organizationType: membership.organization.type,
      }))
  })
}

export async function findPair(db: Tx, userId: string, pair: Pair): Promise<PairOption | null> {
  const pairs = await listPairs(db, userId)
  return (
    pairs.find((option) => option.organizationId === pair.organizationId && option.role === pair.role) ?? null
  )
}

export interface NewSession {
  token: string
  sessionId: string
}

/** Starts a session for a person who just proved who they are; a single pair is chosen at once. */
export async function createSession(
  db: Tx,
  settings: AuthSettings,
  input: { userId: string; userAgent: string | null; clientAddress: string; activePair: Pair | null },
): Promise<NewSession> {
  const token = randomToken()
  const session = await db.session.create({
    data: {
      sessionToken: hashToken(token),
      userId: input.userId,
      expires: new Date(Date.now() + settings.sessionMaxMs),
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      ipAddress: input.clientAddress,
      activeOrganizationId: input.activePair?.organizationId ?? null,
      activeRole: input.activePair?.role ?? null,
    },
  })
  return { token, sessionId: session.id }
}

/**
 * The person behind a session token, checked against the database as it is now: an ended, idle or
 * expired session is no one; a pair whose membership or role is gone is dropped (the person chooses again).
 */
export async function resolveActor(
  db: Db,
  settings: AuthSettings,
  token: string,
): Promise<SessionActor | null> {
  const session = await db.prisma.session.findUnique({
    where: { sessionToken: hashToken(token) },
    include: { user: { select: { name: true } } },
  })
  if (!session) return null
  const now = Date.now()
  if (session.expires.getTime() <= now || session.lastSeenAt.getTime() + settings.sessionIdleMs <= now) {
    await db.prisma.session.deleteMany({ where: { id: session.id } })
    return null
  }

  let pair: PairOption | null = null
  if (session.activeOrganizationId && session.activeRole) {
    pair = await findPair(db.prisma, session.userId, {
      organizationId: session.activeOrganizationId,
      role: session.activeRole,
    })
  }
  const pairGone = !pair && session.activeOrganizationId !== null
  if (pairGone || now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.prisma.session.updateMany({
      where: { id: session.id },
      data: {
        lastSeenAt: new Date(now),
        ...(pairGone ? { activeOrganizationId: null, activeRole: null } : {}),
      },
    })
  }
  return {
    sessionId: session.id,
    userId: session.userId,
    name: session.user.name,
    organizationId: pair?.organizationId ?? null,
    organizationType: pair?.organizationType ?? null,
    role: (pair?.role as Role | undefined) ?? null,
  }
}

/** Ends a person's sessions, all of them or all but one. */
export async function endSessions(
  db: Tx,
  userId: string,
  options: { except?: string } = {},
): Promise<number> {
  const result = await db.session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  })
  return result.count
}
