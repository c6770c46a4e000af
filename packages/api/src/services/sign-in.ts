import { type Db, hashPassword, type Prisma, type Role, verifyPassword } from '@kundnav/db'
import { type Pair, ZSignInInput } from '@kundnav/schemas'
import { AppError } from '../errors.ts'
import type { AuthSettings } from '../settings.ts'
import { recordAudit } from './audit.ts'
import { createSession, listPairs, type NewSession } from './sessions.ts'
import { attemptCounters, clearThrottle, describeWait, releaseAttempt, reserveAttempt } from './throttle.ts'

export interface ClientInfo {
  clientAddress: string
  userAgent: string | null
}

/** Verified against when no such account exists, so both answers take as long. */
let dummyHash: Promise<string> | null = null

/**
 * Checks a username (or e-mail address) and password and starts a session. Failures are counted per
 * account and per client address; past the limits every try must wait, and the message says how long.
 */
export async function signIn(
  db: Db,
  settings: AuthSettings,
  credentials: unknown,
  client: ClientInfo,
): Promise<{ token: string; userId: string }> {
  const parsed = ZSignInInput.safeParse(credentials)
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', 'INVALID_INPUT', 'Ange användarnamn och lösenord.')
  }
  const { username, password } = parsed.data
  const { prisma } = db
  const user = await prisma.user.findFirst({ where: { OR: [{ username }, { email: username }] } })
  const accountKey = user?.id ?? `unknown:${username}`

  // The attempt is counted before the password is looked at, so parallel guesses queue on the counter.
  const reservation = await reserveAttempt(
    prisma,
    attemptCounters(settings, 'login', { account: accountKey, address: client.clientAddress }),
    settings.throttleWindowMs,
  )
  const wait = reservation.waitSeconds
  if (wait > 0) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'LOGIN_THROTTLED',
      `För många misslyckade inloggningar. Vänta ${describeWait(wait)} och försök igen, eller skapa ett nytt lösenord under "Glömt/skapa nytt lösenord".`,
      { details: { waitSeconds: wait } },
    )
  }

  dummyHash ??= hashPassword('kundnav: no such account')
  // Without an account (or a password yet) verify against a dummy anyway, so the answer takes as long.
  const passwordHash = user?.passwordHash ?? null
  const matches = await verifyPassword(passwordHash ?? (await dummyHash), password)
  const valid = passwordHash !== null && matches

  if (!user || !valid) {
    // The reserved events stay: they are this failure's count. A known account's failure goes to the log of
    // each organisation it belongs to, where its administrators see it; the rest to the portal's own log.
    // Only where the account is a member in its own right (accepted, and activated): an open invitation's
    // organisation must not learn from its log that the address has an account.
    const activated = user !== null && (user.passwordHash !== null || user.lastLoginAt !== null)
    const organizations = activated
      ? await prisma.membership.findMany({
          where: { userId: user.id, acceptedAt: { not: null } },
          select: { organizationId: true },
          orderBy: { organizationId: 'asc' },
        })
      : []
    const logs = organizations.length > 0 ? organizations.map((m) => m.organizationId) : [null]
    await prisma.$transaction(async (tx) => {
      for (const organizationId of logs) {
        await recordAudit(tx, {
          organizationId,
          actorUserId: user?.id ?? null,
          actorRole: null,
          action: 'login.failed',
          ...(user ? { targetType: 'User', targetId: user.id } : {}),
          data: { clientAddress: client.clientAddress, ...(user ? {} : { username }) },
        })
      }
    })
    throw new AppError('UNAUTHORIZED', 'INVALID_CREDENTIALS', 'Fel användarnamn eller lösenord.')
  }

  return prisma.$transaction(async (tx) => {
    await clearThrottle(tx, 'login:account', accountKey)
    await releaseAttempt(tx, reservation)
    const session = await startSignedInSession(tx, settings, user.id, client)
    return { token: session.token, userId: user.id }
  })
}

/**
 * Starts the session of a person who just proved who they are (a password, a mailed link) and records the
 * sign-in. One pair: it is active at once, nothing to choose. Several: the person picks ("Gå vidare som:",
 * the pair remembered on the device preselected there).
 */
export async function startSignedInSession(
  tx: Prisma.TransactionClient,
  settings: AuthSettings,
  userId: string,
  client: ClientInfo,
): Promise<NewSession> {
  const pairs = await listPairs(tx, userId)
  const active = pairs.length === 1 ? (pairs[0] ?? null) : null
  const session = await createSession(tx, settings, {
    userId,
    userAgent: client.userAgent,
    clientAddress: client.clientAddress,
    activePair: active,
  })
  await recordSignedIn(tx, {
    userId,
    sessionId: session.sessionId,
    clientAddress: client.clientAddress,
    active,
  })
  return session
}

/**
 * Records that a person proved who they are and started a session. With one pair it is active at once:
 * the sign-in is logged in that organisation, in that role. With several, the portal's own log keeps it,
 * and the organisation's log gets it when the person chooses (see `recordRoleChosen`).
 */
export async function recordSignedIn(
  tx: Prisma.TransactionClient,
  input: { userId: string; sessionId: string; clientAddress: string; active: Pair | null },
): Promise<void> {
  const now = new Date()
  await tx.user.update({ where: { id: input.userId }, data: { lastLoginAt: now } })
  if (input.active) {
    await recordRoleChosen(tx, { ...input, pair: input.active, previous: null })
    return
  }
  await recordAudit(tx, {
    organizationId: null,
    actorUserId: input.userId,
    actorRole: null,
    action: 'login.succeeded',
    targetType: 'Session',
    targetId: input.sessionId,
    data: { clientAddress: input.clientAddress },
  })
}

/**
 * A pair chosen in a session: the first choice after signing in is that organisation's "Loggade in" in
 * that role; a later one is "Bytte roll", from the role before (named only if it was in the same
 * organisation: another organisation's roles are not this one's business). Either way it is the person's
 * "Senast inloggad" there.
 */
export async function recordRoleChosen(
  tx: Prisma.TransactionClient,
  input: {
    userId: string
    sessionId: string
    clientAddress: string
    pair: Pair
    previous: { organizationId: string | null; role: Role | null } | null
  },
): Promise<void> {
  const now = new Date()
  await tx.membership.updateMany({
    where: { userId: input.userId, organizationId: input.pair.organizationId },
    data: { lastSignedInAt: now },
  })
  const previous = input.previous?.role ? input.previous : null
  await recordAudit(tx, {
    organizationId: input.pair.organizationId,
    actorUserId: input.userId,
    actorRole: input.pair.role,
    action: previous ? 'role.switched' : 'login.succeeded',
    targetType: 'Session',
    targetId: input.sessionId,
    data: previous
      ? {
          from:
            previous.organizationId === input.pair.organizationId
              ? { role: previous.role }
              : { otherOrganization: true },
          to: { role: input.pair.role },
        }
      : { clientAddress: input.clientAddress },
  })
}
