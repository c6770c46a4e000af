import type { AppRouter } from '@kundnav/api'
import type { inferRouterOutputs } from '@trpc/server'
import { emitApiEvent, recordApiActivity } from './api-events.ts'
import { getShownPair, pairKey, setShownPair } from './shown-pair.ts'
import { trpcAppCode, trpcErrorCode } from './trpc-error.ts'

/**
 * What every call to the server tells the frame, whether it went through the tRPC client (trpc.ts) or
 * the frame's own queries (api.ts): successes keep the idle clock (api-events.ts), and some answers
 * concern whatever page is shown.
 */

type SessionInfo = inferRouterOutputs<AppRouter>['session']['get']

export function callSucceeded(path: string, result: { type?: string; data?: unknown }): void {
  recordApiActivity()
  if (path === 'session.get' && result.type === 'data') sessionSeen(result.data as SessionInfo)
}

export function callFailed(error: unknown): void {
  if (trpcAppCode(error) === 'ROLE_CHANGED') emitApiEvent({ type: 'roleChanged' })
  else if (trpcErrorCode(error) === 'UNAUTHORIZED') emitApiEvent({ type: 'unauthorized' })
}

/**
 * What `session.get` says about the pair this page shows. The first answer sets it; a later answer
 * naming another pair means it was switched in another tab: the page must reload rather than go on
 * showing one role while the session acts as another.
 */
function sessionSeen(session: SessionInfo): void {
  const shown = getShownPair()
  if (session === null) {
    setShownPair(null)
    // Signed in a moment ago, now no one: the session ended (elsewhere, or it timed out).
    if (shown !== null) emitApiEvent({ type: 'unauthorized' })
    return
  }
  const next = pairKey(session.active)
  if (shown === null || shown === 'none' || next === 'none') setShownPair(next)
  else if (next !== shown) emitApiEvent({ type: 'roleChanged' })
}
