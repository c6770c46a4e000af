import type { Db } from '@kundnav/db'
import { AppError } from '../errors.ts'
import type { AuthSettings } from '../settings.ts'
import type { CaseEvent, CaseEventBus } from './case-events.ts'
import { type CaseActor, caseScope } from './cases.ts'
import { findPair } from './sessions.ts'

/** What a subscriber is told: which case changed and how. The page then asks for the case as it is now. */
export interface CaseUpdate {
  caseId: string
  kind: CaseEvent['kind']
}

/** Access is checked again at least this often, events or not, so a stream ends soon after access does. */
export const RECHECK_MS = 30_000

/** A stalled subscriber keeps at most this many updates waiting (repeats are merged); the oldest go first. */
const MAX_PENDING = 500

export interface CaseUpdatesOptions {
  db: Db
  settings: AuthSettings
  events: CaseEventBus
  /** The subscriber as the request's context verified them when the stream began. */
  actor: CaseActor
  /** Only this case (its page); null: every case the subscriber reaches (the lists). */
  caseId: string | null
  signal: AbortSignal | undefined
  recheckMs?: number
}

/**
 * The most live streams one person may hold open at once on one server instance. A page holds one (the
 * case page or a list), so this is many tabs on a few devices; beyond it a stream is refused, and its page
 * keeps working without live updates. Each stream costs a connection and a few queries per event and per
 * recheck, so without a bound one account could hold thousands and slow the portal for everyone.
 */
export const MAX_STREAMS_PER_PERSON = 20

/** Open streams per person (user id), on this instance. */
const openStreams = new Map<string, number>()

/** Counts a stream of `userId` as open, or refuses it; the returned function counts it closed (once). */
function claimStream(userId: string): () => void {
  const open = openStreams.get(userId) ?? 0
  if (open >= MAX_STREAMS_PER_PERSON) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'TOO_MANY_STREAMS',
      'Du har portalen öppen i väldigt många flikar. Stäng några och ladda om sidan för att se ändringar direkt.',
    )
  }
  openStreams.set(userId, open + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (openStreams.get(userId) ?? 1) - 1
    if (left > 0) openStreams.set(userId, left)
    else openStreams.delete(userId)
  }
}

/**
 * The subscriber's session, as it is now, still holds the pair the stream began with: not ended, not
 * expired or idle (the stream itself is no activity), the same pair active, its membership and role not
 * gone. By the session's id, which the stream keeps; resolveActor does the same by the cookie's token.
 */
export async function stillEntitled(db: Db, settings: AuthSettings, actor: CaseActor): Promise<boolean> {
  const session = await db.prisma.session.findUnique({
    where: { id: actor.sessionId },
    select: { userId: true, expires: true, lastSeenAt: true, activeOrganizationId: true, activeRole: true },
  })
  const now = Date.now()
  if (
    !session ||
    session.userId !== actor.userId ||
    session.expires.getTime() <= now ||
    session.lastSeenAt.getTime() + settings.sessionIdleMs <= now ||
    session.activeOrganizationId !== actor.organizationId ||
    session.activeRole !== actor.role
  ) {
    return false
  }
  return (await findPair(db.prisma, actor.userId, actor)) !== null
}

/**
 * The updates one subscriber may see, as they happen. Every batch of events (and every `recheckMs` without
 * any) first checks the subscriber again — session, pair, the case scope as it is now — and the stream
 * returns when that fails, when the watched case is out of reach, when `signal` aborts (the browser went
 * away) or when the bus closes (shutdown). Events of cases the subscriber does not reach are dropped.
 */
export async function* caseUpdates(options: CaseUpdatesOptions): AsyncGenerator<CaseUpdate, void> {
  const { db, settings, events, actor, caseId, signal, recheckMs = RECHECK_MS } = options
  // Counted from the stream's first step to its end (a stream never started holds nothing).
  const release = claimStream(actor.userId)
  try {
    yield* followCases(db, settings, events, actor, caseId, signal, recheckMs)
  } finally {
    release()
  }
}

async function* followCases(
  db: Db,
  settings: AuthSettings,
  events: CaseEventBus,
  actor: CaseActor,
  caseId: string | null,
  signal: AbortSignal | undefined,
  recheckMs: number,
): AsyncGenerator<CaseUpdate, void> {
  const pending = new Map<string, CaseUpdate>()
  let busClosed = false
  let wake: (() => void) | null = null
  const poke = () => {
    const resume = wake
    wake = null
    resume?.()
  }
  const stop = events.subscribe(
    (event) => {
      if (caseId && event.caseId !== caseId) return
      const key = `${event.caseId}:${event.kind}`
      pending.delete(key)
      pending.set(key, { caseId: event.caseId, kind: event.kind })
      if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value as string)
      poke()
    },
    () => {
      busClosed = true
      poke()
    },
  )
  signal?.addEventListener('abort', poke)
  const ended = () => signal?.aborted === true || busClosed
  try {
    while (!ended()) {
      if (pending.size === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, recheckMs)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        wake = null
      }
      if (ended()) return
      const batch = [...pending.values()]
      pending.clear()
      if (!(await stillEntitled(db, settings, actor))) return
      const scope = await caseScope(db.prisma, actor)
      if (!scope) return
      if (caseId) {
        const reachable = await db.prisma.case.count({ where: { AND: [scope, { id: caseId }] } })
        if (reachable === 0) return
        for (const update of batch) yield update
        continue
      }
      if (batch.length === 0) continue
      const reached = await db.prisma.case.findMany({
        where: { AND: [scope, { id: { in: [...new Set(batch.map((update) => update.caseId))] } }] },
        select: { id: true },
      })
      const ids = new Set(reached.map((found) => found.id))
      for (const update of batch) if (ids.has(update.caseId)) yield update
    }
  } finally {
    stop()
    signal?.removeEventListener('abort', poke)
  }
}
