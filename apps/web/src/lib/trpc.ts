import type { AppRouter } from '@kundnav/api'
import { createTRPCClient, httpBatchLink, type TRPCLink } from '@trpc/client'
import type { inferRouterOutputs } from '@trpc/server'
import { observable } from '@trpc/server/observable'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import { emitApiEvent, recordApiActivity } from './api-events.ts'
import { getShownPair, pairKey, setShownPair, shownPairHeader } from './shown-pair.ts'
import { trpcAppCode, trpcErrorCode } from './trpc-error.ts'

/** `useTRPC()` gives the typed options proxy: `useQuery(trpc.portal.info.queryOptions())`. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>()

type SessionInfo = inferRouterOutputs<AppRouter>['session']['get']

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

/** Watches every call: successes keep the idle clock (api-events.ts), some failures concern the frame. */
const watchLink: TRPCLink<AppRouter> = () => {
  return ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next(value) {
          recordApiActivity()
          if (op.path === 'session.get' && value.result.type === 'data') {
            sessionSeen(value.result.data as SessionInfo)
          }
          observer.next(value)
        },
        error(error) {
          if (trpcAppCode(error) === 'ROLE_CHANGED') emitApiEvent({ type: 'roleChanged' })
          else if (trpcErrorCode(error) === 'UNAUTHORIZED') emitApiEvent({ type: 'unauthorized' })
          observer.error(error)
        },
        complete() {
          observer.complete()
        },
      }),
    )
}

export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      watchLink,
      httpBatchLink({
        url: '/api/trpc',
        // Bounded batches keep URLs short and one slow procedure from holding many others back.
        maxItems: 10,
        headers: () => ({
          // The server refuses tRPC calls without this header (CSRF protection together with Origin checks).
          'x-kundnav-csrf': '1',
          // The pair this page shows; the server refuses calls from a page showing another (stale tab).
          'x-kundnav-pair': shownPairHeader(),
        }),
      }),
    ],
  })
}

export type TrpcClient = ReturnType<typeof createTrpcClient>
