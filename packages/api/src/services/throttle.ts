import type { Prisma, PrismaClient } from '@kundnav/db'
import type { AuthSettings } from '../settings.ts'

type Tx = Prisma.TransactionClient | PrismaClient

export type ThrottleScope = 'login:account' | 'login:ip' | 'reset:account' | 'reset:ip'

/** The first wait once the limit is reached; each further failure doubles it, up to the window. */
const FIRST_WAIT_MS = 30_000

/**
 * How long the next try must wait, in whole seconds (0: go ahead). Counts the events of the last window:
 * below `limit`, no wait; at the limit, 30 s after the last event, doubling with every further event.
 */
export async function throttleWaitSeconds(
  db: Tx,
  scope: ThrottleScope,
  key: string,
  { limit, windowMs }: { limit: number; windowMs: number },
): Promise<number> {
  const since = new Date(Date.now() - windowMs)
  const where = { scope, key, createdAt: { gte: since } }
  const count = await db.throttleEvent.count({ where })
  if (count < limit) return 0
  const latest = await db.throttleEvent.findFirst({
    where,
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  })
  if (!latest) return 0
  const waitMs = Math.min(FIRST_WAIT_MS * 2 ** (count - limit), windowMs)
  const remaining = latest.createdAt.getTime() + waitMs - Date.now()
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0
}

export async function recordThrottleEvent(db: Tx, scope: ThrottleScope, key: string): Promise<void> {
  await db.throttleEvent.create({ data: { scope, key } })
}

export async function clearThrottle(db: Tx, scope: ThrottleScope, key: string): Promise<void> {
  await db.throttleEvent.deleteMany({ where: { scope, key } })
}

/** "2 minuter", "45 sekunder": the wait as the message says it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`
}

/**
 * How long the next login or reset request must wait: the longer of the account's and the client
 * address's waits, each against its own limit from the settings.
 */
export async function waitBeforeNextTry(
  db: Tx,
  settings: AuthSettings,
  kind: 'login' | 'reset',
  { account, address }: { account: string; address: string },
): Promise<number> {
  const windowMs = settings.throttleWindowMs
  const [accountLimit, addressLimit] =
    kind === 'login'
      ? [settings.loginFailuresPerAccount, settings.loginFailuresPerAddress]
      : [settings.resetRequestsPerAccount, settings.resetRequestsPerAddress]
  return Math.max(
    await throttleWaitSeconds(db, `${kind}:account`, account, { limit: accountLimit, windowMs }),
    await throttleWaitSeconds(db, `${kind}:ip`, address, { limit: addressLimit, windowMs }),
  )
}
