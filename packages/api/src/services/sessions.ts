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
  return memberships.flatMap((membership) =>
    pairsOf({
      organizationId: membership.organizationId,
      organizationName: membership.organization.name,
      organizationType: membership.organization.type,
      roles: membership.roles,
      endedRoles: membership.roleEnds.map((end) => end.role),
    }),
  )
}

/** The pairs one accepted membership offers: its roles not ended, with what they imply, of the right kind. */
function pairsOf(membership: {
  organizationId: string
  organizationName: string
  organizationType: OrganizationType
  roles: readonly Role[]
  endedRoles: readonly Role[]
}): PairOption[] {
  const ended = new Set(membership.endedRoles)
  return effectiveRoles(membership.roles.filter((role) => !ended.has(role)))
    .filter((role) => isProviderRole(role) === (membership.organizationType === 'PROVIDER'))
    .map((role) => ({
      organizationId: membership.organizationId,
      role,
      organizationName: membership.organizationName,
      organizationType: membership.organizationType,
    }))
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
  const now = Date.now()
  const [session] = await readSession(db, hashToken(token), new Date(now))
  if (!session) return null
  if (session.expires.getTime() <= now || session.lastSeenAt.getTime() + settings.sessionIdleMs <= now) {
    await db.prisma.session.deleteMany({ where: { id: session.id } })
    return null
  }

  // The active pair, checked against the membership as it is now: gone, unaccepted or ended is no pair.
  const pair =
    session.organizationId && session.organizationName && session.organizationType && session.roles
      ? (pairsOf({
          organizationId: session.organizationId,
          organizationName: session.organizationName,
          organizationType: session.organizationType,
          roles: session.roles,
          endedRoles: session.endedRoles,
        }).find((option) => option.role === session.activeRole) ?? null)
      : null
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
    name: session.userName,
    organizationId: pair?.organizationId ?? null,
    organizationType: pair?.organizationType ?? null,
    role: (pair?.role as Role | undefined) ?? null,
  }
}

interface SessionRow {
  id: string
  userId: string
  expires: Date
  lastSeenAt: Date
  activeOrganizationId: string | null
  activeRole: Role | null
  userName: string
  /** The active organisation's accepted membership, if any: its roles, those ended, the organisation. */
  organizationId: string | null
  organizationName: string | null
  organizationType: OrganizationType | null
  roles: Role[] | null
  endedRoles: Role[]
}

/**
 * Everything a request needs to know who is asking, in one statement: the session, the person's name and
 * the membership of the active pair (accepted only) with its organisation and ended roles. It runs on
 * every signed-in request, so it goes to the driver directly: through Prisma the same statement cost about
 * three times the CPU (issue 8's profile), and it is raw SQL either way.
 */
function readSession(db: Db, sessionToken: string, now: Date): Promise<SessionRow[]> {
  return db.sql.query<SessionRow>(
    `SELECT s.id, s."userId", s.expires, s."lastSeenAt", s."activeOrganizationId", s."activeRole"::text AS "activeRole",
            u.name AS "userName",
            o.id AS "organizationId", o.name AS "organizationName", o.type::text AS "organizationType",
            m.roles::text[] AS roles,
            COALESCE(
              (SELECT array_agg(e.role::text) FROM "MembershipRoleEnd" e
                WHERE e."membershipId" = m.id AND e."endsAt" <= $2),
              '{}'
            ) AS "endedRoles"
       FROM "Session" s
       JOIN "User" u ON u.id = s."userId"
       LEFT JOIN "Membership" m
         ON m."userId" = s."userId" AND m."organizationId" = s."activeOrganizationId" AND m."acceptedAt" IS NOT NULL
       LEFT JOIN "Organization" o ON o.id = m."organizationId"
      WHERE s."sessionToken" = $1`,
    [sessionToken, now],
  )
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
