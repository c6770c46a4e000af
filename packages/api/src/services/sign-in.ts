import { type Db, hashPassword, verifyPassword } from '@kundnav/db'
import { type Pair, ZSignInInput } from '@kundnav/schemas'
import { AppError } from '../errors.ts'
import type { AuthSettings } from '../settings.ts'
import { recordAudit } from './audit.ts'
import { createSession, listPairs } from './sessions.ts'
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
  rememberedPair: Pair | null,
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
    // The reserved events stay: they are this failure's count.
    await recordAudit(prisma, {
      organizationId: null,
      actorUserId: user?.id ?? null,
      actorRole: null,
      action: 'login.failed',
      ...(user ? { targetType: 'User', targetId: user.id } : {}),
      data: { clientAddress: client.clientAddress, ...(user ? {} : { username }) },
    })
    throw new AppError('UNAUTHORIZED', 'INVALID_CREDENTIALS', 'Fel användarnamn eller lösenord.')
  }

  return prisma.$transaction(async (tx) => {
    const pairs = await listPairs(tx, user.id)
    const remembered = rememberedPair
      ? pairs.find(
          (p) => p.organizationId === rememberedPair.organizationId && p.role === rememberedPair.role,
        )
      : undefined
    // One pair: nothing to choose. Several: the person picks (the remembered one is preselected there).
    const active = pairs.length === 1 ? (pairs[0] ?? null) : null
    const session = await createSession(tx, settings, {
      userId: user.id,
      userAgent: client.userAgent,
      clientAddress: client.clientAddress,
      activePair: active,
    })
    await clearThrottle(tx, 'login:account', accountKey)
    await releaseAttempt(tx, reservation)
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } })
    await recordAudit(tx, {
      organizationId: active?.organizationId ?? remembered?.organizationId ?? null,
      actorUserId: user.id,
      actorRole: active?.role ?? null,
      action: 'login.succeeded',
      targetType: 'Session',
      targetId: session.sessionId,
      data: { clientAddress: client.clientAddress },
    })
    return { token: session.token, userId: user.id }
  })
}
