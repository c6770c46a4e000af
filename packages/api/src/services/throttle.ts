import type { Prisma, PrismaClient } from '@kundnav/db'
import type { AuthSettings } from '../settings.ts'

export type ThrottleScope =
  | 'login:account'
  | 'login:ip'
  | 'reset:account'
  | 'reset:ip'
  | 'password-change:account'
  | 'step-up-sms:account'
  | 'step-up-sms:recipient'
  | 'step-up-wrong:account'
  | 'case-write:account'

/** One counter an attempt is counted on: at most `limit` events of `scope` and `key` in the window. */
export interface ThrottleCounter {
  scope: ThrottleScope
  key: string
  limit: number
}

export interface Reservation {
  /** Whole seconds the attempt must wait; 0 when it was reserved. */
  waitSeconds: number
  /** The events recorded for this attempt (none when it must wait). */
  eventIds: string[]
}

/** The first wait once the limit is reached; each further event doubles it, up to the window. */
const FIRST_WAIT_MS = 30_000

/**
 * Counts an attempt on every counter and decides in one atomic step, before the attempt's work is done:
 * under a transaction-scoped advisory lock per counter (the same on PostgreSQL and PGlite), the events of
 * the window are counted and, unless some counter says wait, one event is recorded on each. Parallel
 * attempts therefore queue on the lock and see each other's events: at most `limit` get through.
 *
 * Below the limit there is no wait; at the limit the next attempt waits 30 s after the latest event,
 * doubling with every further event, never longer than the window.
 */
export async function reserveAttempt(
  prisma: PrismaClient,
  counters: ThrottleCounter[],
  windowMs: number,
): Promise<Reservation> {
  // A fixed lock order, so two attempts sharing counters never wait for each other crosswise.
  const ordered = [...counters].sort((a, b) => lockName(a).localeCompare(lockName(b)))
  return prisma.$transaction(async (tx) => {
    for (const counter of ordered) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockName(counter)}, 0))`
    }
    const now = Date.now()
    const since = new Date(now - windowMs)
    let waitMs = 0
    for (const { scope, key, limit } of ordered) {
      const window = await tx.throttleEvent.aggregate({
        where: { scope, key, createdAt: { gte: since } },
        _count: true,
        _max: { createdAt: true },
      })
      const count = window._count
      const latest = window._max.createdAt
      if (count < limit || !latest) continue
      const wait = Math.min(FIRST_WAIT_MS * 2 ** (count - limit), windowMs)
      waitMs = Math.max(waitMs, latest.getTime() + wait - now)
    }
    if (waitMs > 0) return { waitSeconds: Math.ceil(waitMs / 1000), eventIds: [] }
    const created = await tx.throttleEvent.createManyAndReturn({
      data: ordered.map(({ scope, key }) => ({ scope, key, createdAt: new Date(now) })),
      select: { id: true },
    })
    return { waitSeconds: 0, eventIds: created.map((event) => event.id) }
  })
}

function lockName({ scope, key }: ThrottleCounter): string {
  return `throttle|${scope}|${key}`
}

type Tx = Prisma.TransactionClient | PrismaClient

/** Forgets a counter's events (a successful sign-in clears the account's failures). */
export async function clearThrottle(db: Tx, scope: ThrottleScope, key: string): Promise<void> {
  await db.throttleEvent.deleteMany({ where: { scope, key } })
}

/** Takes back the events of an attempt that turned out not to count (a successful sign-in's address event). */
export async function releaseAttempt(db: Tx, reservation: Reservation): Promise<void> {
  if (reservation.eventIds.length === 0) return
  await db.throttleEvent.deleteMany({ where: { id: { in: reservation.eventIds } } })
}

/** "2 minuter", "45 sekunder": the wait as the message says it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`
}

/** The counters of a login or reset attempt: the account's and the client address's, each with its limit. */
export function attemptCounters(
  settings: AuthSettings,
  kind: 'login' | 'reset',
  { account, address }: { account: string; address: string },
): ThrottleCounter[] {
  const [accountLimit, addressLimit] =
    kind === 'login'
      ? [settings.loginFailuresPerAccount, settings.loginFailuresPerAddress]
      : [settings.resetRequestsPerAccount, settings.resetRequestsPerAddress]
  return [
    { scope: `${kind}:account`, key: account, limit: accountLimit },
    { scope: `${kind}:ip`, key: address, limit: addressLimit },
  ]
}
